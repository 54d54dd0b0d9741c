// Required terminology bindings of R4 `code` elements (Communication.status, Bundle.type, …): Medplum's
// validator checks structure, cardinality and formats but not codes, so this adds the check for
// every element of the base definitions whose binding is required and whose ValueSet lists its codes.
import { readJson } from "../../tools/fhir";

type Json = Record<string, unknown>;
interface Element {
  path: string;
  type?: { code: string }[];
  binding?: { strength: string; valueSet?: string };
}

let bindings: Map<string, Map<string, Set<string>>> | undefined; // resourceType → path → codes

function codeSystems(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (concepts: Json[] | undefined, into: string[]) => {
    for (const c of concepts ?? []) {
      into.push(c.code as string);
      walk(c.concept as Json[] | undefined, into);
    }
  };
  for (const file of ["fhir/r4/valuesets.json", "fhir/r4/v3-codesystems.json"]) {
    for (const { resource: r } of (readJson(file) as { entry: { resource: Json }[] }).entry) {
      if (r.resourceType !== "CodeSystem") continue;
      const codes: string[] = [];
      walk(r.concept as Json[] | undefined, codes);
      out.set(r.url as string, codes);
    }
  }
  return out;
}

/** The codes of a ValueSet that includes whole code systems or listed concepts; null when unknown. */
function valueSetCodes(url: string, sets: Map<string, Json>, systems: Map<string, string[]>): Set<string> | null {
  const vs = sets.get(url.split("|")[0]);
  const include = (vs?.compose as { include?: { system?: string; concept?: { code: string }[]; filter?: unknown }[] } | undefined)?.include;
  if (!include) return null;
  const codes = new Set<string>();
  for (const inc of include) {
    if (inc.filter) return null;
    const list = inc.concept?.map((c) => c.code) ?? (inc.system ? systems.get(inc.system) : undefined);
    if (!list) return null;
    for (const c of list) codes.add(c);
  }
  return codes;
}

function load() {
  const systems = codeSystems();
  const sets = new Map<string, Json>();
  for (const { resource: r } of (readJson("fhir/r4/valuesets.json") as { entry: { resource: Json }[] }).entry) if (r.resourceType === "ValueSet") sets.set(r.url as string, r);
  const out = new Map<string, Map<string, Set<string>>>();
  for (const { resource: sd } of (readJson("fhir/r4/profiles-resources.json") as { entry: { resource: Json }[] }).entry) {
    if (sd.resourceType !== "StructureDefinition") continue;
    const paths = new Map<string, Set<string>>();
    for (const el of ((sd.snapshot as { element: Element[] } | undefined)?.element ?? [])) {
      if (el.binding?.strength !== "required" || !el.binding.valueSet || el.type?.[0]?.code !== "code" || el.path.includes("[x]")) continue;
      const codes = valueSetCodes(el.binding.valueSet, sets, systems);
      if (codes) paths.set(el.path, codes);
    }
    out.set(sd.name as string, paths);
  }
  return out;
}

function valuesAt(node: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) return [node];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, parts));
  if (!node || typeof node !== "object") return [];
  return valuesAt((node as Json)[parts[0]], parts.slice(1));
}

/** Codes outside their required ValueSet, in the resource and the resources it contains or bundles. */
export function bindingProblems(resource: unknown): string[] {
  bindings ??= load();
  const r = resource as Json;
  const problems: string[] = [];
  for (const [path, codes] of bindings.get(r.resourceType as string) ?? []) {
    for (const v of valuesAt(r, path.split(".").slice(1))) if (typeof v === "string" && !codes.has(v)) problems.push(`${path}: "${v}" is not in its required ValueSet`);
  }
  const inner = [...((r.contained as unknown[]) ?? []), ...((r.entry as { resource?: unknown }[]) ?? []).map((e) => e.resource)];
  return [...problems, ...inner.flatMap((x) => (x ? bindingProblems(x) : []))];
}
