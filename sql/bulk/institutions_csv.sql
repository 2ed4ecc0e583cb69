SELECT id AS "id:ID(Institution)", name, ror, countryCode, type, city
FROM institutions
