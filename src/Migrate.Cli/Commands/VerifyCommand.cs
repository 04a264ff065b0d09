using System.CommandLine;
using System.Globalization;
using Migrate.Core.Load;
using Migrate.Core.Pipeline;
using Migrate.Data;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate verify</c>: recompute counts and checksums from the target and compare them with the work directory.</summary>
public static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: false);
        var standard = CommonOptions.Standard();
        var output = CommonOptions.Out();
        var target = CommonOptions.Target();
        var command = new Command("verify",
            "Recompute each table's row count and checksum from the target and compare them with the mapped files and the source counts; check the rejects files and the manifest's own counts (exit 3 on any difference)")
        {
            mapping, standard, output, target,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "verify", json, async () =>
            {
                var session = SessionFactory.Open(result.GetValue(mapping), context.StandardSource(result, standard), result.GetValue(output)!);
                var spec = CommonOptions.TargetOf(result.GetValue(target), session.Work, context);
                await using var database = TargetFactory.Create(spec, CommonOptions.Retry(context, quiet));
                var manifest = new MigrationRunner(session, NoProgress.None).ReadManifest();
                var verification = await TargetVerifier.VerifyAsync(session, manifest, database, ct);
                if (json) CommandHost.WriteJson(context, new { SchemaVersion = 1, Command = "verify", manifest.RunId, verification.Target, verification.Ok, verification.Tables, verification.Files });
                if (!quiet)
                {
                    foreach (var t in verification.Tables)
                        context.Console.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {(t.Ok ? "ok" : "MISMATCH")} {t.TableId}: target {t.TargetRows:N0} rows (checksum {t.TargetChecksum}), mapped {t.MappedRows:N0} rows (checksum {t.MappedChecksum}); read {t.Read:N0} = {t.TargetRows:N0} + rejected {t.Rejected:N0} + filtered {t.Filtered:N0}"));
                    foreach (var f in verification.Files)
                        context.Console.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {(f.Ok ? "ok" : "MISMATCH")} {f.File}: {(f.Records is { } records ? $"{records:N0}" : "missing")} records, the manifest records {f.RecordedRecords:N0}"));
                }
                TargetVerifier.ThrowIfFailed(verification);
                if (!quiet) context.Console.Log.WriteLine($"migrate verify: {verification.Target} matches the work directory (run {manifest.RunId})");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
