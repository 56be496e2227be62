/** The TypeScript declarations of an OpenAPI 3.1 document, as text. */
export declare function generateTypes(document: object): Promise<string>;
