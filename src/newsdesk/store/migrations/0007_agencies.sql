-- v7: the agencies an article credits (Reuters, AP, AFP), kept apart from its authors.
ALTER TABLE articles ADD COLUMN agencies TEXT NOT NULL DEFAULT '[]';
