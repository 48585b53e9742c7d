// ClaimGraph viewer: submit an article and see its graph and evidence; browse the corpus graph.
// Plain browser JavaScript, no libraries: the page works offline, served by the API itself.
// URLs are relative to the page (/viewer), so the API can live behind a path prefix.
"use strict";

const FORMATS = ["json", "graphml", "gexf", "cytoscape", "csv", "svg"];
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const key = $("api-key").value.trim();  // servers with API keys want one for writes (and private reads)
  const headers = { ...(options.headers || {}), ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (_) { /* not a problem document */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.headers.get("content-type").includes("json") ? response.json() : response.text();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") node.className = value; else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function setStatus(id, text, isError = false) {
  $(id).textContent = text;
  $(id).classList.toggle("error", isError);
}

function downloads(id, path, params) {
  const box = $(id);
  box.replaceChildren("Download: ");
  for (const format of FORMATS) {
    const query = new URLSearchParams({ ...params, format });
    box.append(element("a", { href: `${path}?${query}`, download: "" }, format));
  }
}

// --- views --------------------------------------------------------------------------------------

function show(view) {
  for (const tab of document.querySelectorAll(".tab")) {
    tab.setAttribute("aria-pressed", String(tab.dataset.view === view));
  }
  $("article-view").hidden = view !== "article";
  $("corpus-view").hidden = view !== "corpus";
  const url = new URL(window.location);
  url.searchParams.set("view", view);
  history.replaceState(null, "", url);
  if (view === "corpus" && !$("corpus-graph").dataset.loaded) loadCorpus();
}

// --- evidence with the cue and the speaker marked (offsets count code points) -------------------

function highlighted(evidence) {
  const chars = Array.from(evidence.text);
  const parts = [["speaker", evidence.speaker], ["cue", evidence.cue], ["content", evidence.content]]
    .filter(([, span]) => span)
    .map(([kind, span]) => [kind, span.start - evidence.start, span.end - evidence.start, span.text]);
  const inside = ([, start, end]) => start >= 0 && end <= chars.length && start < end;
  const spans = parts.filter(inside).sort((a, b) => a[1] - b[1]);
  // a quote continued from an earlier sentence ("…," it added) has its speaker and cue there
  const outside = parts.filter((part) => part[0] !== "content" && !inside(part));
  const quote = element("blockquote");
  let at = 0;
  for (const [kind, start, end] of spans) {
    if (start < at) continue;  // overlaps a part already marked
    quote.append(chars.slice(at, start).join(""));
    const text = chars.slice(start, end).join("");
    quote.append(kind === "content" ? element("span", { className: "content" }, text)
                                    : element("mark", { className: kind }, text));
    at = end;
  }
  quote.append(chars.slice(at).join(""));
  if (outside.length) {
    const note = element("small", {}, " — ");
    for (const [kind, , , text] of outside) note.append(element("mark", { className: kind }, text), " ");
    quote.append(note);
  }
  return quote;
}

function statementItem(statement, labels, stance) {
  const relation = stance || statement.relation;
  const target = statement.target ? labels[statement.target] || statement.target : "";
  const item = element("li", { "data-source": statement.source, "data-target": statement.target || "",
                               "data-relation": statement.relation },
    element("span", { className: "edge-head" }, labels[statement.source] || statement.source, " ",
            element("span", { className: `rel ${relation}` }, relation), " ", target));
  for (const evidence of statement.evidence) item.append(highlighted(evidence));
  return item;
}

// --- one article ----------------------------------------------------------------------------------

async function readBody() {
  const file = $("article-file").files[0];
  const body = {};
  if (file) {
    const content = await file.text();
    if (/\.html?$/i.test(file.name)) body.html = content; else body.text = content;
  } else {
    body.text = $("article-text").value;
  }
  for (const [field, id] of [["title", "article-title"], ["source", "article-source"], ["published_at", "article-date"]]) {
    if ($(id).value.trim()) body[field] = $(id).value.trim();
  }
  return body;
}

async function submitArticle(event) {
  event.preventDefault();
  setStatus("article-status", "Extracting…");
  try {
    const article = await api("v1/articles", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(await readBody()),
    });
    await renderArticle(article);
    const edges = article.graph.edges.length;
    setStatus("article-status", `${edges} statement${edges === 1 ? "" : "s"} found.`);
    $("corpus-graph").dataset.loaded = "";  // the corpus changed: reload it when shown
  } catch (error) {
    setStatus("article-status", `Could not extract the article (${error.message}).`, true);
  }
}

async function renderArticle(article) {
  const path = `v1/articles/${encodeURIComponent(article.id)}/graph`;
  $("article-heading").textContent = article.title || `Article ${article.id}`;
  downloads("article-downloads", path, {});
  $("article-graph").innerHTML = await api(`${path}?format=svg`);  // drawn and escaped by the server
  const labels = Object.fromEntries(article.graph.nodes.map((n) => [n.id, n.label]));
  const list = $("evidence");
  list.replaceChildren();
  for (const edge of article.graph.edges) {
    const target = labels[edge.target] && article.graph.nodes.find((n) => n.id === edge.target).type === "actor"
      ? edge.target : null;
    list.append(statementItem({ ...edge, target }, labels));
  }
  $("article-result").hidden = false;
  $("article-graph").dataset.loaded = article.id;
}

function focusEvidence(event) {
  const edge = event.target.closest("path.edge");
  if (!edge) return;
  for (const item of $("evidence").children) {
    const same = item.dataset.source === edge.dataset.source && item.dataset.relation === edge.dataset.relation;
    item.classList.toggle("focus", same);
    if (same) item.scrollIntoView({ block: "nearest" });
  }
}

// --- the corpus -------------------------------------------------------------------------------------

function corpusParams() {
  const params = { rollup: $("corpus-rollup").value, min_count: $("corpus-min-count").value || "1" };
  for (const [name, id] of [["relation", "corpus-relation"], ["since", "corpus-since"], ["until", "corpus-until"]]) {
    if ($(id).value) params[name] = $(id).value;
  }
  return params;
}

async function loadCorpus(event) {
  if (event) event.preventDefault();
  const params = corpusParams();
  setStatus("corpus-status", "Loading…");
  try {
    $("corpus-graph").innerHTML = await api(`v1/graph?${new URLSearchParams({ ...params, format: "svg" })}`);
    downloads("corpus-downloads", "v1/graph", params);
    const filters = Object.fromEntries(Object.entries(params).filter(([name]) => ["since", "until", "relation"].includes(name)));
    const claims = await api(`v1/claims?${new URLSearchParams({ ...filters, status: "disputed", limit: "100" })}`);
    const list = $("claims");
    list.replaceChildren();
    const names = (ids) => ids.map((id) => corpusLabels()[id] || id).join(", ");
    for (const claim of claims.items) {
      const button = element("button", { type: "button", className: "claim-link", "data-claim": claim.id }, claim.label);
      list.append(element("li", {}, button, element("br"),
        element("small", {}, `asserted by ${names(claim.asserted_by)}; denied by ${names(claim.denied_by)}`)));
    }
    if (!claims.items.length) list.append(element("li", {}, "No disputed claim in this selection."));
    const stats = $("corpus-graph").querySelectorAll("path.edge").length;
    setStatus("corpus-status", `${stats} edge${stats === 1 ? "" : "s"}; ${claims.total} disputed claim${claims.total === 1 ? "" : "s"}.`);
    $("corpus-graph").dataset.loaded = "yes";
  } catch (error) {
    setStatus("corpus-status", `Could not load the corpus (${error.message}).`, true);
  }
}

function corpusLabels() {
  // actor names as the corpus drawing shows them (statements carry actor ids only)
  return Object.fromEntries([...$("corpus-graph").querySelectorAll("g.node.actor")]
    .map((node) => [node.dataset.id, node.querySelector("text.label").textContent]));
}

async function showClaim(id) {
  const claim = await api(`v1/claims/${encodeURIComponent(id)}`);
  $("detail-heading").textContent = `${claim.label} (${claim.status})`;
  const labels = corpusLabels();
  const list = element("ol");
  for (const statement of claim.statements) list.append(statementItem(statement, labels, statement.stance));
  const articles = claim.articles.map((a) => a.title || a.id).join("; ");
  $("detail").replaceChildren(element("p", {}, `Reported by ${claim.counts.articles} article(s): ${articles}`), list);
}

async function showActor(id) {
  const [actor, page] = await Promise.all([api(`v1/actors/${encodeURIComponent(id)}`),
                                           api(`v1/actors/${encodeURIComponent(id)}/neighbors?limit=100`)]);
  $("detail-heading").textContent = actor.label;
  const list = element("ol");
  for (const n of page.items) {
    const [speaker, target] = n.direction === "out" ? [actor.label, n.actor.label] : [n.actor.label, actor.label];
    list.append(element("li", {}, `${speaker} `, element("span", { className: `rel ${n.relation}` }, n.relation),
                        ` ${target} (${n.count})`));
  }
  if (!page.items.length) list.append(element("li", {}, "No statements between this actor and another."));
  $("detail").replaceChildren(list);
}

// --- wiring -------------------------------------------------------------------------------------------

function start() {
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => show(tab.dataset.view));
  $("article-form").addEventListener("submit", submitArticle);
  $("article-graph").addEventListener("click", focusEvidence);
  $("corpus-form").addEventListener("submit", loadCorpus);
  $("claims").addEventListener("click", (event) => {
    const button = event.target.closest("[data-claim]");
    if (button) showClaim(button.dataset.claim).catch((e) => setStatus("corpus-status", e.message, true));
  });
  $("corpus-graph").addEventListener("click", (event) => {
    const node = event.target.closest("g.node.actor");
    if (node) showActor(node.dataset.id).catch((e) => setStatus("corpus-status", e.message, true));
  });
  $("api-key").value = sessionStorage.getItem("claimgraph-api-key") || "";
  $("api-key").addEventListener("change", () => sessionStorage.setItem("claimgraph-api-key", $("api-key").value.trim()));
  const query = new URLSearchParams(window.location.search);
  for (const [name, id] of [["rollup", "corpus-rollup"], ["min_count", "corpus-min-count"], ["relation", "corpus-relation"],
                            ["since", "corpus-since"], ["until", "corpus-until"]]) {
    if (query.has(name)) $(id).value = query.get(name);
  }
  show(query.get("view") === "corpus" ? "corpus" : "article");
  document.body.dataset.ready = "yes";  // the handlers are in place (tests wait for this)
}

start();
