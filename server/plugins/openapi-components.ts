// Named component schemas for the main entities: an answer whose schema is one of them (or a list of
// them) points to `#/components/schemas/<Name>`, so generated clients get one real type per entity.
// Only answers are rewritten: request bodies and parameters stay inline for tools that read them directly.

// Each entity's schema is taken as rendered from the operation that reads one record of it.
const ENTITIES: Record<string, [path: string, method: string]> = {
  Counterparty: ['/api/counterparties/{id}', 'get'],
  ContactPerson: ['/api/contact-persons/{id}', 'get'],
  Event: ['/api/events/{id}', 'get'],
  Order: ['/api/orders/{id}', 'get'],
  Product: ['/api/products/{id}', 'get'],
  Sale: ['/api/sales/{id}', 'get'],
  Task: ['/api/tasks/{id}', 'get'],
  User: ['/api/me', 'get'],
};

/** A stable text of a schema (keys sorted), to recognise an entity wherever it is repeated. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- walks the OpenAPI document as JSON */
export function withEntityComponents(doc: any): any {
  const schemas: Record<string, unknown> = {};
  for (const [name, [path, method]] of Object.entries(ENTITIES)) {
    const schema = doc.paths?.[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
    if (schema && !schema.$ref) schemas[name] = JSON.parse(JSON.stringify(schema));
  }
  const byText = new Map(Object.entries(schemas).map(([name, s]) => [canonical(s), name]));
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const refOf = (schema: any): any => {
    const name = byText.get(canonical(schema));
    if (name) return ref(name);
    const items = schema?.properties?.items;
    const inner = schema?.type === 'object' && items?.type === 'array' ? byText.get(canonical(items.items)) : undefined;
    if (inner) return { ...schema, properties: { ...schema.properties, items: { ...items, items: ref(inner) } } };
    return schema;
  };
  for (const item of Object.values(doc.paths ?? {}) as any[]) {
    for (const op of Object.values(item ?? {}) as any[]) {
      for (const [code, response] of Object.entries(op?.responses ?? {}) as [string, any][]) {
        if (!code.startsWith('2')) continue;
        for (const media of Object.values(response?.content ?? {}) as any[]) if (media?.schema) media.schema = refOf(media.schema);
      }
    }
  }
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...schemas } };
  return doc;
}
