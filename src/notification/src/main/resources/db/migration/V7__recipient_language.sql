-- Languages (issue 15): every notice is written in its recipient's language. Each recipient of the directory has one,
-- a BCP 47 tag of a language the service has notice bundles for (messages/notices_<tag>.properties); recipients
-- that were in the directory before get their country's: USA en, KOR ko, JPN ja.
ALTER TABLE recipient ADD COLUMN language VARCHAR(8);
UPDATE recipient SET language = CASE country WHEN 'KOR' THEN 'ko' WHEN 'JPN' THEN 'ja' ELSE 'en' END;
ALTER TABLE recipient ALTER COLUMN language SET NOT NULL;
ALTER TABLE recipient ADD CONSTRAINT recipient_language CHECK (language IN ('en', 'ko', 'ja'));

-- A stream entry keeps its notice rendered in every language for its country ({"en":{"title","text"},"ko":...}),
-- and its payload the language-independent document: each channel inserts language, title and text of its reader.
-- NULL for entries written before: their payload still carries the English title and text and is sent as it is.
ALTER TABLE notification ADD COLUMN texts TEXT;

-- The language an e-mail or webhook delivery is written in: the recipient's at planning time (NULL before: English).
ALTER TABLE delivery ADD COLUMN language VARCHAR(8);
