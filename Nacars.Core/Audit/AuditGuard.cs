using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;

namespace Nacars.Core.Audit;

/// <summary>The database's own refusal to change or delete audit events: only the one-time seal of a new event may write
/// to a row, and then only retention's erasure of the words of a sealed event whose seal covers their keyed hash.
/// Created at start-up, idempotently (replaced, so a changed rule reaches an existing database).</summary>
public static class AuditGuard
{
    /// <summary>Whether the triggers are in place (an insider who dropped them to edit history left a sign).</summary>
    public static async Task<bool> PresentAsync(NacarsDbContext db, CancellationToken ct) => db.Database.IsNpgsql()
        ? await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'audit_append_only' AND NOT tgisinternal").SingleAsync(ct) == 1
        : await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_no_delete', 'audit_seal_only')").SingleAsync(ct) == 2;

    public static async Task EnsureAsync(NacarsDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE OR REPLACE FUNCTION nacars_audit_append_only() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit events cannot be deleted'; END IF;
                  IF NEW."Id" IS DISTINCT FROM OLD."Id" OR NEW."AtUtc" IS DISTINCT FROM OLD."AtUtc"
                     OR NEW."Actor" IS DISTINCT FROM OLD."Actor" OR NEW."Action" IS DISTINCT FROM OLD."Action"
                     OR NEW."ContactReference" IS DISTINCT FROM OLD."ContactReference"
                     OR (OLD."Hash" IS NULL AND NEW."Detail" IS DISTINCT FROM OLD."Detail")
                     OR (OLD."Hash" IS NOT NULL AND (NEW."Hash" IS DISTINCT FROM OLD."Hash" OR NEW."Sequence" IS DISTINCT FROM OLD."Sequence"
                         OR NEW."DetailMac" IS DISTINCT FROM OLD."DetailMac" OR OLD."DetailMac" IS NULL
                         OR (NEW."Detail" IS DISTINCT FROM OLD."Detail" AND NEW."Detail" IS NOT NULL))) THEN
                    RAISE EXCEPTION 'audit events cannot be changed';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS audit_append_only ON "AuditEvents";
                CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION nacars_audit_append_only();
                """, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON "AuditEvents"
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
            DROP TRIGGER IF EXISTS audit_seal_only;
            CREATE TRIGGER audit_seal_only BEFORE UPDATE ON "AuditEvents"
            WHEN NEW."Id" IS NOT OLD."Id" OR NEW."AtUtc" IS NOT OLD."AtUtc" OR NEW."Actor" IS NOT OLD."Actor"
              OR NEW."Action" IS NOT OLD."Action" OR NEW."ContactReference" IS NOT OLD."ContactReference"
              OR (OLD."Hash" IS NULL AND NEW."Detail" IS NOT OLD."Detail")
              OR (OLD."Hash" IS NOT NULL AND (NEW."Hash" IS NOT OLD."Hash" OR NEW."Sequence" IS NOT OLD."Sequence"
                  OR NEW."DetailMac" IS NOT OLD."DetailMac" OR OLD."DetailMac" IS NULL
                  OR (NEW."Detail" IS NOT OLD."Detail" AND NEW."Detail" IS NOT NULL)))
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
            """, ct);
    }
}
