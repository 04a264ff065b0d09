using Migrate.Core.Check;

namespace Migrate.Cli;

/// <summary>
/// Shows what <c>migrate check</c> found: one line per diagnostic (file:line:column: severity: message)
/// on stdout, or JSON for editors and pipelines. With --print-effective the merged YAML takes stdout
/// and the diagnostics go to stderr.
/// </summary>
public static class CheckOutputWriter
{
    public static int Write(CliContext context, CheckRequest request, CheckResult result, bool json, bool printEffective)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var exitCode = result.Valid ? ExitCodes.Success : ExitCodes.Usage;
        if (printEffective && result.Mapping?.Document is { } document)
            context.Console.Out.Write(document.Effective());

        if (json && !printEffective)
        {
            CommandHost.WriteJson(context, new
            {
                SchemaVersion = 1,
                Command = "check",
                Mapping = request.MappingPath,
                Files = result.Mapping?.Document?.Files ?? [],
                Standard = result.Standard is { } s ? $"{s.Id} {s.Version}" : null,
                DataChecked = request.SourceDirectory is not null,
                result.Valid,
                result.Errors,
                result.Warnings,
                ExitCode = exitCode,
                Diagnostics = result.Diagnostics.Select(d => new
                {
                    Severity = d.Severity.ToString().ToLowerInvariant(),
                    d.Code,
                    d.File,
                    d.Line,
                    d.Column,
                    d.Message,
                }),
            });
            return exitCode;
        }

        var output = printEffective ? context.Console.Log : context.Console.Out;
        foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic.ToString());
        var summary = result.Valid
            ? $"{request.MappingPath}: ok" + (result.Mapping is { } m && result.Standard is { } st
                ? $" ({m.Tables.Count} tables, {m.Tables.Sum(t => t.Items.Count)} items mapped to {st.Id} {st.Version}{(result.Warnings > 0 ? $"; {result.Warnings} warning(s)" : "")})"
                : "")
            : $"{request.MappingPath}: {result.Errors} error(s), {result.Warnings} warning(s)";
        output.WriteLine(summary);
        return exitCode;
    }
}
