using System.Data.Common;
using Dapper;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Targets;

/// <summary>
/// The schema-history table every target keeps: which standard, version and DDL (hash with
/// normalized line endings) was applied, by which tool version, when. The same rules on every
/// target: a new target gets the DDL and a history row; a target holding another version or
/// different DDL of the standard is refused.
/// </summary>
internal static class SchemaHistory
{
    private sealed record Applied(string Version, string DdlSha256);

    /// <summary>Creates the standard's tables if the target has none yet; refuses another version. Runs inside the load's transaction.</summary>
    public static async Task EnsureAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StandardDefinition standard,
        string target, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateHistoryTable, transaction: transaction, cancellationToken: cancellationToken));
        var ddlHash = dialect.DdlHash(standard);
        if (await LastAsync(connection, transaction, standard, cancellationToken) is { } last)
        {
            ThrowIfOtherVersion(last, standard, ddlHash, target);
            return;
        }
        foreach (var table in standard.Tables)
            await connection.ExecuteAsync(new CommandDefinition(dialect.CreateTable(standard, table), transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {SqlDialect.HistoryTable} (standard, version, ddl_sha256, tool_version, applied_at) VALUES (@s, @v, @d, @t, @a)",
            new { s = standard.Id, v = standard.Version, d = ddlHash, t = ToolInfo.Version, a = DateTime.UtcNow },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>True when the target holds this standard's tables (same version and DDL); false when it holds none.</summary>
    public static async Task<bool> HoldsAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StandardDefinition standard,
        string target, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.TableExistsQuery, new { name = SqlDialect.HistoryTable }, transaction, cancellationToken: cancellationToken));
        if (exists == 0) return false;
        if (await LastAsync(connection, transaction, standard, cancellationToken) is not { } last) return false;
        ThrowIfOtherVersion(last, standard, dialect.DdlHash(standard), target);
        return true;
    }

    private static async Task<Applied?> LastAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, CancellationToken cancellationToken)
    {
        var applied = await connection.QueryAsync<Applied>(new CommandDefinition(
            $"SELECT version AS Version, ddl_sha256 AS DdlSha256 FROM {SqlDialect.HistoryTable} WHERE standard = @id ORDER BY applied_at",
            new { id = standard.Id }, transaction, cancellationToken: cancellationToken));
        return applied.LastOrDefault();
    }

    private static void ThrowIfOtherVersion(Applied last, StandardDefinition standard, string ddlHash, string target)
    {
        if (last.Version != standard.Version)
            throw MigrateException.DataError($"{target}: the target holds standard {standard.Id} version {last.Version}, but this work directory is for version {standard.Version}; use a new target (nothing was changed)");
        if (last.DdlSha256 != ddlHash)
            throw MigrateException.DataError($"{target}: the target's tables for standard {standard.Id} {standard.Version} were created from different DDL (schema history hash {last.DdlSha256[..12]}…, this migrate generates {ddlHash[..12]}…); use a new target (nothing was changed)");
    }
}
