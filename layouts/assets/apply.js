// A visitor who came with campaign parameters (a LinkedIn post's
// ?utm_source=linkedin, a Greenhouse tracking link's ?gh_src=…) takes them on
// to the apply link, so the applicant tracking system credits that source.
// Without JavaScript the link works as built. Only these names are carried,
// each value percent-encoded, and only onto a web apply link's query: the
// page's own address can never change where the link leads.
// gh_jid and ashby_jid are left out: they name a job, not where a visitor came from.
// A block: classic scripts share one scope, so these names stay out of it.
{
  const CARRIED = /^(utm_(source|medium|campaign|term|content|id)|gh_src|lever-(source|origin)(\[\])?)$/;

  const arrived = [...new URLSearchParams(location.search)].filter(([name, value]) => CARRIED.test(name) && value && value.length <= 200);
  const names = new Set(arrived.map(([name]) => name));
  const decodedName = (part) => {
    try {
      return decodeURIComponent(part.split("=")[0].replace(/\+/g, " "));
    } catch {
      return part;
    }
  };

  if (arrived.length) {
    for (const link of document.querySelectorAll("a.apply")) {
      if (link.protocol !== "https:" && link.protocol !== "http:") continue;
      const href = link.getAttribute("href");
      const hash = href.indexOf("#");
      const [rest, fragment] = hash < 0 ? [href, ""] : [href.slice(0, hash), href.slice(hash)];
      const question = rest.indexOf("?");
      const path = question < 0 ? rest : rest.slice(0, question);
      // The visitor's source replaces the link's own value for the same name: it says more about where they came from.
      const kept =
        question < 0
          ? []
          : rest
              .slice(question + 1)
              .split("&")
              .filter((part) => part && !names.has(decodedName(part)));
      const carried = arrived.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      link.setAttribute("href", `${path}?${[...kept, ...carried].join("&")}${fragment}`);
    }
  }
}
