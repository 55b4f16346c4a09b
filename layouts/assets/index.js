// Progressive enhancement for the jobs index and the filter pages. Without
// JavaScript the filter pages (/jobs/team/…/, /jobs/location/…/) do this job
// and the form stays hidden (style.css: `scripting: none`). With it, filters,
// search and sorting combine instantly and live in the URL's query string, so
// a view can be shared, reloaded or come back to. Every word shown comes from
// the page (plan/jobs-index.ts), none from here.

const form = document.getElementById("role-filters");
const openings = document.querySelector(".openings");
const count = document.getElementById("open-roles");
if (form && openings && count) enhance(form, openings, count);
if (openings) postedWhen(openings.querySelectorAll(".role-card time[datetime]"), JSON.parse(openings.dataset.postedAgo ?? "{}"));
if (openings) carryCampaign(openings.querySelectorAll(".role-card a[href]"));

// A visitor who arrived at the index with campaign parameters (?utm_source=…)
// takes them on to the role they open, where apply.js carries them to the
// apply link. The same names as apply.js, nothing else.
function carryCampaign(links) {
  const CARRIED = /^(utm_(source|medium|campaign|term|content|id)|gh_src|lever-(source|origin)(\[\])?)$/;
  const arrived = [...new URLSearchParams(location.search)].filter(([name, value]) => CARRIED.test(name) && value && value.length <= 200);
  if (!arrived.length) return;
  for (const link of links) {
    const url = new URL(link.href);
    if (url.origin !== location.origin) continue;
    for (const [name, value] of arrived) url.searchParams.set(name, value);
    link.href = url.href;
  }
}

function enhance(form, openings, count) {
  const cards = [...openings.querySelectorAll(".role-card")];
  const home = new Map(cards.map((card) => [card, card.parentElement]));
  const rank = new Map(cards.map((card, i) => [card, i]));
  const noMatch = openings.querySelector(".no-match");
  let sorted; // The one list a sorted view shows, made when first sorted.
  const currencies = (openings.dataset.currencies ?? "").split(" ").filter(Boolean);
  const language = document.documentElement.lang || undefined;
  let plural; // Made on first use: Intl's data costs a page load time it need not spend.
  const total = count.textContent;
  const fields = form.elements;
  const field = (name) => fields.namedItem(name) ?? undefined;
  const names = ["q", "team", "location", "type", "remote", "salary", "sort"].filter(field);
  const search = searcher(form.dataset.baseUrl ?? "/", form.dataset.searchParts?.split(" ") ?? [], field("q"));
  let found; // Addresses the search term matches; undefined without a term.
  let order = "";

  function readState() {
    const state = {};
    for (const name of names) {
      const control = field(name);
      state[name] = control.type === "checkbox" ? (control.checked ? "1" : "") : name === "q" ? control.value.trim() : control.value;
    }
    return state;
  }

  function writeState(query) {
    for (const name of names) {
      const control = field(name);
      const value = query.get(name) ?? "";
      if (control.type === "checkbox") control.checked = value === "1";
      else if (control.tagName !== "SELECT" || [...control.options].some((option) => option.value === value)) control.value = value;
    }
  }

  const matches = (card, state) =>
    (!state.team || card.dataset.team === state.team) &&
    (!state.location || card.dataset.locations.split(" ").includes(state.location)) &&
    (!state.type || card.dataset.types.split(" ").includes(state.type)) &&
    (!state.remote || card.dataset.remote === "true") &&
    (!state.salary || card.dataset.currency !== undefined) &&
    (!found || found.has(card.querySelector("a").pathname));

  const compare = {
    newest: (a, b) => b.dataset.posted.localeCompare(a.dataset.posted),
    // Pay only within a currency; currencies in the page's order (most roles first), roles without pay last.
    salary: (a, b) => {
      const place = (card) => (card.dataset.currency === undefined ? Infinity : currencies.indexOf(card.dataset.currency) >>> 0);
      return place(a) - place(b) || Number(b.dataset.pay ?? 0) - Number(a.dataset.pay ?? 0);
    },
  };

  function arrange(sort) {
    if (sort === order) return;
    order = sort;
    const by = compare[sort];
    if (by && !sorted) {
      sorted = document.createElement("ul");
      sorted.className = "role-list sorted";
      noMatch.before(sorted);
    }
    if (by) sorted.append(...[...cards].sort((a, b) => by(a, b) || rank.get(a) - rank.get(b)));
    else for (const card of cards) home.get(card).append(card);
    if (sorted) sorted.hidden = !by;
  }

  function show() {
    const state = readState();
    arrange(state.sort);
    let shown = 0;
    for (const card of cards) {
      const hide = !matches(card, state);
      if (card.hidden !== hide) card.hidden = hide;
      if (!hide) shown++;
    }
    for (const team of openings.querySelectorAll(".team")) {
      const hide = !team.querySelector(".role-card:not([hidden])");
      if (team.hidden !== hide) team.hidden = hide;
    }
    const narrowed = names.filter((name) => name !== "sort" && state[name]);
    let text = total;
    if (narrowed.length > 0) {
      plural ??= new Intl.PluralRules(language);
      const label = count.dataset[`count${capital(plural.select(shown))}`] ?? count.dataset.countOther;
      text = label.replace("{count}", shown.toLocaleString(language));
    }
    if (count.textContent !== text) count.textContent = text;
    noMatch.hidden = shown > 0;
    const badge = form.querySelector(".finder-count");
    const filters = narrowed.filter((name) => name !== "q").length;
    if (badge && badge.textContent !== (filters ? String(filters) : "")) {
      badge.textContent = filters ? String(filters) : "";
      badge.hidden = !filters;
    }
    // Only the form's own names: whatever else the address holds (?utm_source=…) stays.
    const query = new URLSearchParams(location.search);
    for (const name of names) query.delete(name);
    for (const name of names) if (state[name]) query.set(name, state[name]);
    const url = `${location.pathname}${query.size ? `?${query}` : ""}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
  }

  // The search term narrows the roles the filters leave: Pagefind is asked
  // with the same filters, so only matching roles' records are fetched.
  // Filters apply at once; while a search runs the list says it is busy, and
  // only the latest of several overlapping searches is shown.
  let latest = 0;
  async function update() {
    const run = ++latest;
    const state = readState();
    if (!state.q) found = undefined;
    show();
    if (!state.q) return;
    openings.setAttribute("aria-busy", "true");
    const matched = await search(state.q, pagefindFilters(state)).catch(() => undefined);
    if (run !== latest) return;
    openings.removeAttribute("aria-busy");
    found = matched;
    show();
  }

  function pagefindFilters(state) {
    const filters = {};
    for (const name of ["team", "location", "type"]) {
      const select = field(name);
      if (select && state[name]) filters[name] = select.selectedOptions[0].text;
    }
    if (state.remote) filters.remote = field("remote").dataset.search;
    return filters;
  }

  const toggle = form.querySelector(".finder-toggle");
  let typing;
  form.addEventListener("input", (event) => {
    if (event.target.name !== "q") return;
    clearTimeout(typing);
    typing = setTimeout(update, 150);
  });
  // The sort select sits above the list, outside the form (its `form` attribute joins it): its events do not bubble to the form.
  const onChange = (event) => {
    if (event.target.name !== "q") update();
  };
  form.addEventListener("change", onChange);
  for (const control of fields) if (!form.contains(control)) control.addEventListener("change", onChange);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update().then(() => {
      if (toggle?.getAttribute("aria-expanded") === "true") toggle.click();
      count.setAttribute("tabindex", "-1");
      count.focus();
    });
  });
  noMatch.querySelector("a")?.addEventListener("click", (event) => {
    event.preventDefault();
    const { sort } = readState();
    form.reset();
    field("sort").value = sort;
    update();
  });
  toggle?.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    form.classList.toggle("is-open", open);
  });
  // The URL is the state: on load, and when the page comes back from the back-forward cache.
  const restore = () => {
    writeState(new URLSearchParams(location.search));
    update();
  };
  window.addEventListener("pageshow", (event) => event.persisted && restore());
  restore();
}

/**
 * A search over Pagefind's index, loaded on first use; resolves to the
 * matching roles' paths. A large site's index comes in parts (`parts`,
 * plan/search-shards.ts), merged into the first one's search.
 */
function searcher(baseUrl, parts, input) {
  let loading;
  const load = () => {
    loading ??= import(`${baseUrl}pagefind/pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ baseUrl });
      await Promise.all(parts.map((part) => pagefind.mergeIndex(`${baseUrl}${part}`, { baseUrl })));
      return pagefind;
    });
    return loading;
  };
  input?.addEventListener("focus", () => load().catch(() => {}), { once: true });
  return async (term, filters) => {
    let pagefind;
    try {
      pagefind = await load();
    } catch {
      // Built with --no-search, or the preview server: say so rather than show every role as a match.
      input.disabled = true;
      input.value = "";
      input.placeholder = input.dataset.unavailable ?? input.placeholder;
      return undefined;
    }
    const { results } = await pagefind.search(term, { filters });
    const paths = new Set();
    for (let start = 0; start < results.length; start += 50) {
      for (const { url } of await Promise.all(results.slice(start, start + 50).map((result) => result.data()))) paths.add(new URL(url, location.href).pathname);
    }
    return paths;
  };
}

/**
 * "3 days ago" for a card's posting date, as the visitor's calendar counts it,
 * from the page's table of phrases in the card's language (plan/jobs-index.ts); the date stays as the tooltip.
 */
function postedWhen(times, tables) {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  for (const time of times) {
    const days = Math.round((today - Date.parse(`${time.dateTime}T00:00:00Z`)) / 86400000);
    const phrases = tables[time.closest("[lang]")?.lang] ?? [];
    let phrase = "";
    for (const [from, words] of phrases) if (days >= from) phrase = words;
    if (!phrase) continue;
    time.title = time.textContent;
    time.textContent = phrase;
  }
}

function capital(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
