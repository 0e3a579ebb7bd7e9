import type { JsonSchema } from './fuzz-schema-values';

export interface FuzzParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface FuzzOperation {
  operationId: string;
  method: string;
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  pathParams: FuzzParameter[];
  queryParams: FuzzParameter[];
  body: { contentType: string; schema: JsonSchema } | null;
  /** The operation documents an Idempotency-Key header. */
  idempotent: boolean;
  authenticated: boolean;
}

function obj(v: unknown): JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonSchema) : {};
}

/** Every operation of an OpenAPI 3.1 document. */
export function operationsOf(doc: JsonSchema): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    for (const [method, opIn] of Object.entries(obj(item))) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = obj(opIn);
      const params = (Array.isArray(op.parameters) ? op.parameters : []).map(obj);
      const param = (p: JsonSchema): FuzzParameter => ({ name: String(p.name), required: p.required === true, schema: obj(p.schema) });
      const content = obj(obj(op.requestBody).content);
      const contentType = Object.keys(content)[0];
      ops.push({
        operationId: String(op.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map(param),
        queryParams: params.filter((p) => p.in === 'query').map(param),
        body: contentType ? { contentType, schema: obj(obj(content[contentType]).schema) } : null,
        idempotent: params.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key'),
        authenticated: !(Array.isArray(op.security) && op.security.length === 0),
      });
    }
  }
  return ops;
}
