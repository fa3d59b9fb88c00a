namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// The database half of tenant isolation. After every migration, each table of the public schema
/// that has a <c>tenant_id</c> column (but the messaging tables, which hold no business data and
/// are read across tenants by the dispatchers) gets row-level security enabled and forced, with one
/// policy comparing <c>tenant_id</c> to the transaction's <c>app.tenant_id</c>. Applying it to every
/// such table, rather than per migration, means a new table cannot be forgotten.
/// </summary>
public static class RowLevelSecurity
{
    public const string PolicyName = "tenant_isolation";

    /// <summary>Tables that carry a tenant id but are infrastructure, read across tenants by background dispatchers.</summary>
    public static readonly IReadOnlyList<string> ExemptTables = ["outbox_messages", "inbox_messages", "outgoing_emails"];

    internal static string EnsurePoliciesSql() =>
        $$"""
        DO $$
        DECLARE t record;
        BEGIN
          FOR t IN
            SELECT c.relname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND c.relname NOT IN ({{string.Join(", ", ExemptTables.Select(t => $"'{t}'"))}})
          LOOP
            EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
            EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.relname);
            IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = '{{PolicyName}}') THEN
              EXECUTE format(
                'CREATE POLICY {{PolicyName}} ON public.%I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)',
                t.relname);
            END IF;
          END LOOP;
        END $$;
        """;
}
