using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Cli;

/// <summary>
/// Runs one command's core call and turns failures into exit codes and one clear message on stderr:
/// no stack trace for anything the user can act on (set MIGRATE_DEBUG=1 to see one for internal errors).
/// </summary>
public static class CommandHost
{
    public static async Task<int> ExecuteAsync(CliContext context, string command, bool json, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var error = context.Console.Log;
        try
        {
            return await body();
        }
        catch (Exception e) when (context.Interrupted.IsCancellationRequested && e is not MigrateException { Kind: FailureKind.Usage or FailureKind.Data })
        {
            // Whatever the interrupted work threw on its way out (a cancellation, or a driver's
            // ObjectDisposedException when its connection was closed under it) is the interruption.
            await error.WriteLineAsync($"migrate {command}: interrupted; the target was left as it was (rerun the command to continue)");
            if (json) WriteJsonError(context, command, ExitCodes.Environment, "interrupted");
            return ExitCodes.Environment;
        }
        catch (MigrateException e)
        {
            var code = e.Kind switch
            {
                FailureKind.Usage => ExitCodes.Usage,
                FailureKind.Data => ExitCodes.Data,
                _ => ExitCodes.Environment,
            };
            await error.WriteLineAsync($"migrate {command}: error: {e.Message}");
            if (json) WriteJsonError(context, command, code, e.Message);
            return code;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"migrate {command}: interrupted; the target was left as it was (rerun the command to continue)");
            if (json) WriteJsonError(context, command, ExitCodes.Environment, "interrupted");
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"migrate {command}: error: {e.Message}");
            if (json) WriteJsonError(context, command, ExitCodes.Environment, e.Message);
            return ExitCodes.Environment;
        }
#pragma warning disable CA1031 // The last line of defence: an internal error still ends with an exit code, not a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"migrate {command}: internal error ({e.GetType().Name}): {e.Message}");
            if (context.Environment("MIGRATE_DEBUG") == "1") await error.WriteLineAsync(e.ToString());
            else await error.WriteLineAsync("  this is a bug in migrate; rerun with MIGRATE_DEBUG=1 for details and report it");
            if (json) WriteJsonError(context, command, ExitCodes.Environment, e.Message);
            return ExitCodes.Environment;
        }
    }

    public static void WriteJson(CliContext context, object value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Console.Out.WriteLine(JsonSerializer.Serialize(value, Json.Options));
    }

    private static void WriteJsonError(CliContext context, string command, int exitCode, string message) =>
        WriteJson(context, new JsonError(command, exitCode, message, [message]));
}

/// <summary>What a failed command prints on stdout with --json (docs/schemas/error.schema.json).</summary>
public sealed record JsonError(string Command, int ExitCode, string Error, IReadOnlyList<string> Errors)
{
    public int SchemaVersion { get; init; } = 1;
}
