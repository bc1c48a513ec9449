/**
 * Passwords that attackers try first (lower-cased): a list shipped with the app, so no request
 * to a breach service is needed. Extend freely; matching is case-insensitive.
 */
export const COMMON_PASSWORDS = new Set(
  `123456789012 1234567890123 12345678901234 123456123456 passwort1234 password1234 passwort123! password123!
  qwertzuiop12 qwertyuiop12 qwertzuiopü+ abcdefghijkl abc123abc123 111111111111 000000000000 123123123123
  hallohallo12 hallo1234567 willkommen12 willkommen123 sommer2024!! sommer2025!! winter2024!! frühling2024
  herne1234567 stadtherne12 stadtherne123 integration1 integration12 integration123 vielfalt1234 vielfalt12345
  administrator admin1234567 adminadmin12 letmein12345 iloveyou1234 sonnenschein sonnenschein1 schatzischatz
  fussball1234 fußball12345 dortmund1234 schalke04schalke bochum123456 passwortpasswort passwordpassword
  geheimgeheim geheim123456 changeme1234 trustno1trustno1 qwerty123456 asdfghjkl123 yxcvbnm12345 1q2w3e4r5t6z
  1q2w3e4r5t6y q1w2e3r4t5z6 zaq12wsxcde3 0987654321ab mustermann12 maxmustermann erikamusterfrau`
    .split(/\s+/)
    .filter(Boolean),
);
