import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import type { Response } from 'supertest';

// The shapes of the OpenAPI 3.1 document this checker reads (a small part of it).
interface Reference {
  readonly $ref: string;
}
interface HeaderDoc {
  readonly required?: boolean;
}
interface ResponseDoc {
  readonly description: string;
  readonly headers?: Readonly<Record<string, HeaderDoc | Reference>>;
  readonly content?: Readonly<Record<string, { readonly schema?: object }>>;
}
interface OperationDoc {
  readonly operationId: string;
  readonly responses: Readonly<Record<string, ResponseDoc | Reference>>;
}
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationDoc>>>>;
  readonly components: { readonly responses?: Readonly<Record<string, ResponseDoc | Reference>>; readonly [kind: string]: unknown };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const essence = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();
const isReference = (value: object): value is Reference => '$ref' in value;
// RFC 6901: a pointer segment escapes "~" and "/".
const pointerSegment = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');
const templatePattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * One OpenAPI document as a contract: checks that a response is one the document promises for
 * its request (status, media type, body schema through ajv, required headers), and that unknown
 * paths and methods get the document's NotFound and MethodNotAllowed answers.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: ReadonlyArray<{ template: string; pattern: RegExp }>;

  constructor(readonly document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as object, 'openapi.json');
    this.templates = Object.keys(document.paths).map((template) => ({ template, pattern: templatePattern(template) }));
  }

  /** The documented path template of a concrete path (`/users/me/sessions/x` -> `.../{id}`). */
  templateOf(path: string): string | undefined {
    return (this.document.paths[path] ? path : undefined) ?? this.templates.find(({ pattern }) => pattern.test(path))?.template;
  }

  check(res: Response, method: string, path: string): void {
    const template = this.templateOf(path);
    if (!template) return this.checkResponse(res, 'components/responses/NotFound', this.component('NotFound'), 404);
    const operations = this.document.paths[template]!;
    // Koa answers HEAD with the GET route.
    const operation = operations[method] ?? (method === 'head' ? operations.get : undefined);
    if (!operation) {
      this.checkResponse(res, 'components/responses/MethodNotAllowed', this.component('MethodNotAllowed'), 405);
      const documented = HTTP_METHODS.filter((m) => operations[m]).map((m) => m.toUpperCase());
      const allowed = documented.includes('GET') && !documented.includes('HEAD') ? [...documented, 'HEAD'] : documented;
      expect(String(res.headers.allow).split(/,\s*/).sort(), 'Allow').to.deep.equal(allowed.sort());
      return;
    }
    const where = `${method.toUpperCase()} ${template} (${operation.operationId})`;
    const documented = operation.responses[String(res.status)] ?? operation.responses.default;
    expect(documented, `${where} answered ${res.status}, which it does not document: ${res.text?.slice(0, 300)}`).to.exist;
    const pointer = `paths/${pointerSegment(template)}/${method}/responses/${operation.responses[String(res.status)] ? res.status : 'default'}`;
    this.checkResponse(res, pointer, this.resolve(documented!), res.status, where);
  }

  private checkResponse(res: Response, pointer: string, documented: ResponseDoc, status: number, where = pointer): void {
    expect(res.status, `${where}: status`).to.equal(status);
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      if (this.resolve(header).required) expect(res.headers[name.toLowerCase()], `${where}: header ${name}`).to.be.a('string');
    }
    const mediaTypes = Object.keys(documented.content ?? {});
    if (mediaTypes.length === 0) {
      expect(res.headers['content-type'], `${where}: documented without a body`).to.equal(undefined);
      return;
    }
    // Compared without parameters: `text/plain; version=0.0.4` is documented, `; charset` is added.
    const mediaType = essence(String(res.headers['content-type']));
    const key = mediaTypes.find((type) => essence(type) === mediaType);
    expect(key, `${where}: media type ${mediaType} not in ${mediaTypes.join(', ')}`).to.be.a('string');
    if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) return;
    const validate = this.validator(`openapi.json#/${pointer}/content/${pointerSegment(key!)}/schema`);
    expect(validate(res.body), `${where}: body ${JSON.stringify(res.body)} against the schema: ${this.ajv.errorsText(validate.errors)}`).to.equal(true);
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) this.validators.set(ref, (validate = this.ajv.compile({ $ref: ref })));
    return validate;
  }

  private component(name: string): ResponseDoc {
    const response = this.document.components.responses?.[name];
    expect(response, `components/responses/${name}`).to.exist;
    return this.resolve(response!);
  }

  /** Follows a local `#/...` reference in the document. */
  private resolve<T extends object>(value: T | Reference): T {
    if (!isReference(value)) return value;
    const parts = value.$ref.replace(/^#\//, '').split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    return parts.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], this.document) as T;
  }
}
