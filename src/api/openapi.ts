// The OpenAPI document, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { ErrorBody } from './schemas.js';

export interface RouteDoc {
  method?: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
}

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    description: property.description,
    schema: property,
  }));
}

/** An OpenAPI 3.1 document for the given routes. */
export function openApiDocument(routes: RouteDoc[], version: string): object {
  const paths: Record<string, object> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const method = route.method ?? 'get';
    paths[path] = {
      ...paths[path],
      [method]: {
        summary: route.summary,
        parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
        ...(route.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body) } } } }
          : {}),
        ...(method !== 'get' ? { security: [{ bearer: [] }] } : {}),
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(route.response) } } },
          default: { description: 'Error', content: { 'application/json': { schema: z.toJSONSchema(ErrorBody) } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'sitrep API', version, description: 'News intelligence: articles, search, and (soon) stories, quotes and claims.' },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SITREP_API_TOKEN' } } },
  };
}
