/** A token-shaped secret: tests assert it never shows up in logs, errors or payloads. */
export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GfAkEt.super-secret-test-token_DO-NOT-LOG';
