// Progressive enhancement for the jobs index. Without JavaScript the facet
// pages (/jobs/team/…/, /jobs/location/…/) do this job; with it, filters
// combine instantly, live in the URL so a view can be shared, and search runs.

const form = document.getElementById("role-filters");
const cards = [...document.querySelectorAll(".openings .role-card")];
const count = document.getElementById("open-roles");
const noMatch = document.querySelector(".no-match");
const total = count?.textContent ?? "";

function matches(card, filters) {
  const { team, locations, types, remote } = card.dataset;
  return (
    (!filters.team || team === filters.team) &&
    (!filters.location || locations.split(" ").includes(filters.location)) &&
    (!filters.type || types.split(" ").includes(filters.type)) &&
    (!filters.remote || remote === "true")
  );
}

function currentFilters() {
  return {
    team: form.elements.team.value,
    location: form.elements.location.value,
    type: form.elements.type.value,
    remote: form.elements.remote?.checked ?? false,
  };
}

function apply() {
  const filters = currentFilters();
  let shown = 0;
  for (const card of cards) {
    card.hidden = !matches(card, filters);
    if (!card.hidden) shown++;
  }
  for (const team of document.querySelectorAll(".openings .team")) {
    team.hidden = !team.querySelector(".role-card:not([hidden])");
  }
  const filtered = filters.team || filters.location || filters.type || filters.remote;
  count.textContent = !filtered ? total : shown === 1 ? "1 open role" : `${shown} open roles`;
  noMatch.hidden = shown > 0;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value === true ? "1" : value);
  history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
}

if (form && count && noMatch) {
  const query = new URLSearchParams(location.search);
  for (const name of ["team", "location", "type"]) {
    const select = form.elements[name];
    if (query.has(name) && [...select.options].some((option) => option.value === query.get(name))) select.value = query.get(name);
  }
  if (form.elements.remote) form.elements.remote.checked = query.get("remote") === "1";
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
    count.setAttribute("tabindex", "-1");
    count.focus();
  });
  noMatch.querySelector("a")?.addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    apply();
  });
  apply();
}

// Search, when the Pagefind index was built (`npm run build`; not in the dev
// server). Results show each role's team and location from its page's
// data-pagefind-meta.
const search = document.getElementById("search");
if (window.PagefindUI && search) {
  new window.PagefindUI({
    element: "#search",
    baseUrl: search.dataset.baseUrl,
    showSubResults: false,
    showImages: false,
    translations: { placeholder: "Title, skill, team or place" },
  });
  // The visible label, and the input's accessible name, exist only where search does.
  document.getElementById("search-label").hidden = false;
  search.querySelector("input")?.setAttribute("aria-labelledby", "search-label");
}
