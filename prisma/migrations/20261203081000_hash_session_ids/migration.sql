-- Session ids are now stored as the SHA-256 of the id the cookie carries. Rows written before
-- hold the cookie's id itself, which a copy of the database would turn into a way in: end them
-- (everyone signs in once more).
DELETE FROM "Session";
