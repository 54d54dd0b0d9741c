// The contact columns of a doctor or organization row (or an alias of one), as one nested selection:
// the bill page and the callout write read the same four. Generic per column so result types keep
// their nullability (name is NOT NULL, the rest nullable).
export function contactColumns<T extends { name: unknown; email: unknown; phone: unknown; fax: unknown }>(t: T) {
  return { name: t.name, email: t.email, phone: t.phone, fax: t.fax } as Pick<T, "name" | "email" | "phone" | "fax">;
}
