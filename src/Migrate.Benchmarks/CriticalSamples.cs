using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrate.Benchmarks;

/// <summary>
/// Takes out of a generated sample the records that stop a run by design: 支援措置 records rejected
/// at map (the manifest's critical failures, found in rejects/TABLE.map.jsonl by their key values)
/// and unreadable records of a critical source (rejects/SOURCE.extract.jsonl named by the error).
/// and the 支援措置 integrity problems the manifest lists (map.integrity.violations).
/// Each is cut from its legacy file at the byte offset the reject records, up to its line end.
/// </summary>
internal static partial class CriticalSamples
{
    public static int Remove(string source, string work, string error)
    {
        var cuts = new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        void Cut(JsonElement reject)
        {
            var file = reject.GetProperty("file").GetString()!;
            if (!cuts.TryGetValue(file, out var offsets)) cuts[file] = offsets = [];
            offsets.Add(reject.GetProperty("byte_offset").GetInt64());
        }

        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(work, "manifest.json"))))
        {
            foreach (var table in manifest.RootElement.GetProperty("map").GetProperty("tables").EnumerateArray())
            {
                // "atena_no=0014861718, rireki_no=3": the key values of each critical record.
                var keys = table.GetProperty("critical_failures").EnumerateArray()
                    .Select(f => f.GetString()!.Split(", ").Select(p => p.Split('=', 2)[^1]).ToArray()).ToList();
                var rejects = Path.Combine(work, "rejects", table.GetProperty("table_id").GetString() + ".map.jsonl");
                if (keys.Count == 0 || !File.Exists(rejects)) continue;
                foreach (var line in File.ReadLines(rejects))
                {
                    using var reject = JsonDocument.Parse(line);
                    var values = reject.RootElement.GetProperty("record").EnumerateObject()
                        .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!.Trim() : "").ToHashSet(StringComparer.Ordinal);
                    if (keys.Any(k => k.All(values.Contains))) Cut(reject.RootElement.Clone());
                }
            }
            // 支援措置 integrity problems (a protected person's rejected or filtered record, a support row
            // naming nobody, an unreadable person number): each names its record's file and byte offset.
            if (manifest.RootElement.GetProperty("map").TryGetProperty("integrity", out var integrity)
                && integrity.ValueKind == JsonValueKind.Object)
            {
                foreach (var violation in integrity.GetProperty("violations").EnumerateArray()) Cut(violation.Clone());
            }
        }
        foreach (Match match in ExtractRejects().Matches(error))
        {
            var rejects = Path.Combine(work, "rejects", match.Groups[1].Value);
            if (!File.Exists(rejects)) continue;
            foreach (var line in File.ReadLines(rejects))
            {
                using var reject = JsonDocument.Parse(line);
                Cut(reject.RootElement.Clone());
            }
        }

        var removed = 0;
        foreach (var (file, offsets) in cuts)
        {
            var path = Path.Combine(source, file);
            var temporary = path + ".tmp";
            using (var input = File.OpenRead(path))
            using (var output = File.Create(temporary))
            {
                var buffer = new byte[1 << 20];
                long position = 0;
                foreach (var offset in offsets)
                {
                    Copy(input, output, buffer, offset - position);
                    // Skip the record: up to and including its '\n' (never a CP932 trail byte).
                    int b;
                    while ((b = input.ReadByte()) >= 0 && b != '\n')
                    {
                    }
                    position = input.Position;
                    removed++;
                }
                Copy(input, output, buffer, long.MaxValue);
            }
            File.Move(temporary, path, overwrite: true);
        }
        return removed;
    }

    private static void Copy(Stream input, Stream output, byte[] buffer, long count)
    {
        while (count > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0) return;
            output.Write(buffer, 0, read);
            count -= read;
        }
    }

    [GeneratedRegex(@"rejects/([A-Za-z0-9_.-]+\.extract\.jsonl)")]
    private static partial Regex ExtractRejects();
}
