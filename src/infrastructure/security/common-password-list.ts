/**
 * The blocklist NIST SP 800-63B-4 §3.1.1.2 makes a SHALL, embedded so that it holds without
 * the breach API: the common passwords zxcvbn-ts ships (@zxcvbn-ts/language-common, MIT,
 * 49,233 entries ranked from breach corpora), in the form the policy compares, lower-case
 * NFKC. Read once per process (about 30 ms; 4 MB of heap kept), then shared by every service.
 */
let list: Promise<ReadonlySet<string>> | undefined;

export function commonPasswordList(): Promise<ReadonlySet<string>> {
  // Imported on first use, not with this module: only a starting service pays for it.
  list ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((entry) => entry.normalize('NFKC').toLowerCase())),
  );
  return list;
}
