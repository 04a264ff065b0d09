using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Tests.Extract;

/// <summary>The options of <see cref="PairsFormat"/>: the character between a key and its value.</summary>
internal sealed record PairsOptions(char Separator) : SourceOptions;

/// <summary>
/// A source format Core does not know, written as a new one would be: <c>format: pairs</c> reads
/// "KEY=VALUE" lines (its own key <c>separator</c> replaces '='), here from memory; a line without
/// the separator is rejected with its bytes.
/// </summary>
internal sealed class PairsFormat(params string[] lines) : ISourceFormat
{
    public const string FormatName = "Pairs";

    public string Name => FormatName;

    public IReadOnlyList<string> Keys { get; } = ["pairs"];

    public bool ReadsFile => true;

    /// <summary>A pairs source as a mapping would declare it.</summary>
    public static SourceDefinition Source(char separator = '=') =>
        new("pairs", "PAIRS.TXT", FormatName, "utf-8", ["KEY", "VALUE"], new SourcePosition("test.yaml", 1, 1), new PairsOptions(separator));

    public SourceDefinition ReadDefinition(YamlFile yaml, string id, string key, YamlMappingNode source)
    {
        yaml.AllowOnly(source, "format", "file", "separator");
        var separator = yaml.String(source, "separator") ?? "=";
        if (separator.Length != 1)
            throw yaml.Error(yaml.Require(source, "separator"), $"source '{id}': the separator must be one character");
        return new SourceDefinition(id, yaml.RequireString(source, "file"), FormatName, "utf-8", ["KEY", "VALUE"], yaml.Position(source), new PairsOptions(separator[0]));
    }

    public Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken) =>
        Task.FromResult<ISourceReader>(new Reader(lines, ((PairsOptions)source.Options).Separator));

    public string? Recover(RejectRecord reject, SourceDefinition source, string column) => null;

    private sealed class Reader(string[] lines, char separator) : ISourceReader
    {
        public string Name => "PAIRS.TXT";

        public long Position { get; private set; }

        public bool MayHoldLoneSurrogates => false;

        public ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken)
        {
            if (Position == lines.Length) return ValueTask.FromResult(false);
            var line = lines[Position++];
            record.Clear();
            record.Line = Position;
            record.Offset = Position * 10;
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                record.Reject(new RejectReason("pairs.no-equals", $"line {Position}: no '{separator}'", null, null), System.Text.Encoding.UTF8.GetBytes(line));
                return ValueTask.FromResult(true);
            }
            record.Values[0] = line[..at];
            record.Values[1] = line[(at + 1)..];
            return ValueTask.FromResult(true);
        }

        public void Finish()
        {
            // Nothing to judge at the end.
        }

        public SourceOrigin Origin() => new("PAIRS.TXT", "hash", 42, "utf-8");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
