import type { Page } from 'playwright-core';

export interface LiveResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Drives Swagger UI the way a person does: open, "Try it out", fill, "Execute", read. */
export class SwaggerUiDriver {
  constructor(private readonly page: Page) {}

  /** The element ids of the rendered operations: `operations-{tag}-{operationId}`. */
  operationIds(): Promise<string[]> {
    return this.page.locator('.opblock').evaluateAll((blocks) => blocks.map((block) => block.id));
  }

  async tryItOut(tag: string, operationId: string, body?: object): Promise<LiveResponse> {
    const operation = this.page.locator(`#operations-${tag}-${operationId}`);
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    if (body) await operation.locator('textarea.body-param__text').fill(JSON.stringify(body));
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status');
    await status.waitFor();
    const text = await operation.locator('.live-responses-table .response-col_description .highlight-code code').first().textContent();
    // "200 Undocumented" when the document does not list the status: the number comes first.
    return { status: Number(/\d{3}/.exec((await status.textContent()) ?? '')?.[0]), body: JSON.parse(text ?? 'null') as unknown };
  }

  /** "Authorize" with a bearer token, as a person pastes the access token from login. */
  async authorize(accessToken: string): Promise<void> {
    await this.page.locator('.auth-wrapper button.authorize').click();
    const modal = this.page.locator('.modal-ux');
    await modal.locator('input[type="text"]').fill(accessToken);
    await modal.locator('button.authorize[type="submit"]').click();
    await modal.locator('button.btn-done').click();
  }
}
