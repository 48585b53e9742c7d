/**
 * How a frontend uses the generated types: ingest an article, then walk its claim graph (actors,
 * claims, statements and the evidence offsets into the article text), and page through a list.
 * `npm run generate && npm run check` type-checks this file against ../../openapi.json.
 */
import type { components, paths } from "./schema";

type Schemas = components["schemas"];
// the JSON body of a response
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type ArticleBody = paths["/v1/articles"]["post"]["requestBody"]["content"]["application/json"];
type Created = Json<paths["/v1/articles"]["post"]["responses"]["201"]>;
type Article = Json<paths["/v1/articles/{article_id}"]["get"]["responses"]["200"]>;
type ActorPage = Json<paths["/v1/actors"]["get"]["responses"]["200"]>;

/** Every error is a problem document (application/problem+json). */
export class ProblemError extends Error {
  constructor(readonly problem: Schemas["Problem"]) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

async function body<T>(response: Response): Promise<T> {
  if (!response.ok) throw new ProblemError((await response.json()) as Schemas["Problem"]);
  return (await response.json()) as T;
}

/** POST /v1/articles: 201 with the new graph, or 200 when the same content was stored before. */
export async function ingest(baseUrl: string, article: ArticleBody): Promise<Created> {
  return body<Created>(await fetch(`${baseUrl}/v1/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(article),
  }));
}

/** GET /v1/articles/{id}: the article with the text that every evidence offset refers to. */
export async function readArticle(baseUrl: string, id: Created["id"]): Promise<Article> {
  return body<Article>(await fetch(`${baseUrl}/v1/articles/${encodeURIComponent(id)}`));
}

/** Offsets count Unicode code points, so slice code points rather than UTF-16 units. */
export function covered(text: string, span: Schemas["Span"]): string {
  return Array.from(text).slice(span.start, span.end).join("");
}

// a Record over the enum: a new relation in the spec fails the type check until it is handled
const VERBS: Record<Schemas["Relation"], string> = { assert: "asserts", deny: "denies", accuse: "accuses" };

/** One line per statement and one per piece of evidence, read from the graph and the text. */
export function describe(graph: Created["graph"], text: Article["text"]): string[] {
  const actors = new Map<string, Schemas["ActorNode"]>();
  const claims = new Map<string, Schemas["ClaimNode"]>();
  for (const node of graph.nodes) {
    if (node.type === "actor") actors.set(node.id, node);
    else claims.set(node.id, node);
  }
  const lines: string[] = [];
  for (const edge of graph.edges) {
    const speaker = actors.get(edge.source)?.label ?? edge.source;
    const target = actors.get(edge.target)?.label ?? claims.get(edge.target)?.label ?? edge.target;
    const claim = edge.claim === null ? undefined : claims.get(edge.claim);
    const status: Schemas["ClaimStatus"] | "none" = claim?.status ?? "none";
    lines.push(`${speaker} ${VERBS[edge.relation]} ${target} (claim: ${status}, confidence ${edge.confidence})`);
    for (const evidence of edge.evidence) {
      const said = evidence.content === null ? "" : `: ${covered(text, evidence.content)}`;
      lines.push(`  [${evidence.start}, ${evidence.end}) "${covered(text, evidence.cue)}"${said}`);
    }
  }
  return lines;
}

/** Every actor, following each page's `next` link until it is null. */
export async function* allActors(baseUrl: string): AsyncGenerator<Schemas["ActorPublic"]> {
  let url: string | null = `${baseUrl}/v1/actors?limit=100`;
  while (url !== null) {
    const page: ActorPage = await body<ActorPage>(await fetch(url));
    yield* page.items;
    url = page.next;
  }
}

export async function main(baseUrl: string, text: string): Promise<void> {
  const created = await ingest(baseUrl, { text, source: "Reuters" });
  const article = await readArticle(baseUrl, created.id);
  for (const line of describe(created.graph, article.text)) console.log(line);
  for await (const actor of allActors(baseUrl)) console.log(actor.id, actor.kind, actor.country ?? "-");
}
