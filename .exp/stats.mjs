import fc from 'fast-check';
import { anyInputString } from '/work/main/dist/test/unit/fuzz/hostile-strings.js';
import { Email } from '/work/main/dist/src/domain/email.js';
import { PasswordPolicy } from '/work/main/dist/src/domain/password.js';
const p = new PasswordPolicy({ minLength: 15 });
let ok = 0, n = 0, pok = 0, lone = 0, nul = 0;
for (const s of fc.sample(anyInputString, { seed: 20260801, numRuns: 1500 })) { n++; if (!s.isWellFormed()) lone++; if (s.includes('\0')) nul++; try { Email.parse(s); ok++; } catch {} try { p.check(s, null); pok++; } catch {} }
console.log({ n, emailAccepted: ok, passwordAccepted: pok, lone, nul });
