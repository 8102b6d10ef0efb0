// Prints a PBKDF2 hash for a staff password, for creating the first HQ account in production.
import { hashPassword } from '../shared/crypto/password';

const password = process.argv[2];
if (!password || password.length < 10) {
  console.error('usage: npx tsx scripts/hash-password.ts <password of at least 10 characters>');
  process.exit(2);
}
console.log(await hashPassword(password));
