import { expect } from 'chai';
import * as domainErrors from '../../../src/domain/errors.js';
import * as httpErrors from '../../../src/interfaces/http/http-errors.js';
import { problemKindOf, problemMap, type KnownError } from '../../../src/interfaces/http/problem-map.js';

type ErrorClass = abstract new (...args: never[]) => KnownError;

// Plausible arguments for the constructors that need some; any other class is built with none,
// so that a refusal added later is checked without touching this file.
const examples: Readonly<Record<string, () => KnownError>> = {
  InvalidEmail: () => new domainErrors.InvalidEmail('It must look like name@example.com.'),
  PasswordPolicyViolation: () =>
    new domainErrors.PasswordPolicyViolation([{ field: 'password', code: 'too_short', message: 'Too short.' }]),
  DependencyUnavailable: () => new domainErrors.DependencyUnavailable('database', 5),
  PayloadTooLarge: () => new httpErrors.PayloadTooLarge(16 * 1024),
  RequestValidationFailed: () =>
    new httpErrors.RequestValidationFailed([{ pointer: '/email', code: 'required', message: 'Required.' }]),
  MethodNotAllowed: () => new httpErrors.MethodNotAllowed(['GET', 'HEAD']),
  ClientHttpError: () => new httpErrors.ClientHttpError(400),
};
// Abstract to TypeScript only: at run time nothing forbids `new`, so they are named here.
const ABSTRACT = new Set(['InvalidInput']);

function concreteSubclasses(module: object, base: ErrorClass): Array<[string, ErrorClass]> {
  return Object.entries(module).filter(
    (entry): entry is [string, ErrorClass] =>
      typeof entry[1] === 'function' && entry[1].prototype instanceof base && !ABSTRACT.has(entry[0]),
  );
}

const errorClasses = [
  ...concreteSubclasses(domainErrors, domainErrors.DomainError),
  ...concreteSubclasses(httpErrors, httpErrors.HttpRefusal),
];

function example(name: string, errorClass: ErrorClass): KnownError {
  return examples[name]?.() ?? new (errorClass as new () => KnownError)();
}

function statusOf(error: KnownError): number | undefined {
  const status = problemKindOf(error)?.status;
  return typeof status === 'function' ? status(error) : status;
}

describe('problemMap', () => {
  it('finds the error classes of both modules', () => {
    expect(errorClasses.map(([name]) => name)).to.include.members(['InvalidCredentials', 'DependencyUnavailable', 'MalformedJson', 'ClientHttpError']);
  });

  for (const [name, errorClass] of errorClasses) {
    it(`has a row for ${name}`, () => {
      const error = example(name, errorClass);
      expect(Object.hasOwn(problemMap, error.code), `no problemMap row for ${name} (code "${error.code}")`).to.equal(true);
    });

    it(`answers ${name} with a client or server error status`, () => {
      expect(statusOf(example(name, errorClass))).to.be.within(400, 599);
    });
  }
});
