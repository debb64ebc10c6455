namespace Hemisphere.Platform.Search;

/// <summary>
/// The full-text parts of the schema that EF does not model, used by the Search migrations.
/// A later SQLite migration that rebuilds the SearchDocuments table must create the triggers again.
/// </summary>
public static class SearchSchema
{
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE "SearchFts" USING fts5("TitleTerms", "BodyTerms", "LangTerm",
            content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
            INSERT INTO "SearchFts"(rowid, "TitleTerms", "BodyTerms", "LangTerm") VALUES (new."Id", new."TitleTerms", new."BodyTerms", new."LangTerm");
        END;
        CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "TitleTerms", "BodyTerms", "LangTerm") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms", old."LangTerm");
        END;
        CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "TitleTerms", "BodyTerms", "LangTerm") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms", old."LangTerm");
            INSERT INTO "SearchFts"(rowid, "TitleTerms", "BodyTerms", "LangTerm") VALUES (new."Id", new."TitleTerms", new."BodyTerms", new."LangTerm");
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "SearchDocuments_au";
        DROP TRIGGER IF EXISTS "SearchDocuments_ad";
        DROP TRIGGER IF EXISTS "SearchDocuments_ai";
        DROP TABLE IF EXISTS "SearchFts";
        """;

    // The terms are analysed in C# (TextAnalysis); 'simple' only splits them and keeps positions
    // for phrase queries. Title terms weigh A, body terms B. The language token ("zzlanges") is in
    // the vector too, so one tsquery per search lets the GIN index alone pick each language's
    // matches (a Language column filter beside the index made PostgreSQL scan every row).
    // Ranking reads "RankVector": the title and the first 1,200 characters of the summary's and body's terms, small
    // enough to stay in the row, where ranking the whole (TOASTed) vector of tens of thousands of
    // matches cost seconds.
    public const string PostgresUp = """
        ALTER TABLE "SearchDocuments" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "TitleTerms"), 'A') ||
            setweight(to_tsvector('simple'::regconfig, "BodyTerms"), 'B') ||
            to_tsvector('simple'::regconfig, "LangTerm")) STORED;
        CREATE INDEX "IX_SearchDocuments_Vector" ON "SearchDocuments" USING gin ("Vector");
        ALTER TABLE "SearchDocuments" ADD COLUMN "RankVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "TitleTerms"), 'A') ||
            setweight(to_tsvector('simple'::regconfig, left("BodyTerms", 1200)), 'B')) STORED;
        """;

    public const string PostgresDown = """
        ALTER TABLE "SearchDocuments" DROP COLUMN IF EXISTS "RankVector";
        DROP INDEX IF EXISTS "IX_SearchDocuments_Vector";
        ALTER TABLE "SearchDocuments" DROP COLUMN IF EXISTS "Vector";
        """;
}
