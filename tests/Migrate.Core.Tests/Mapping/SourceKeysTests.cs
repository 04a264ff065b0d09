using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Mapping;

/// <summary>
/// Each source format reads its own keys of the bundled mappings (csv: vendor-a, fixed: vendor-b,
/// database: vendor-c): a mistake names file:line:column and says what is wrong, the first one first.
/// </summary>
public sealed class SourceKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-source-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("vendor-a", "    format: csv\n    encoding: cp932\n", "    format: cvs\n    encoding: cp932\n", "format: cvs", 13,
        "source 'jumin': unknown format 'cvs' (did you mean 'csv'?); use csv, tsv, fixed or database")]
    [InlineData("vendor-a", "  jumin:\n", "  ju.min:\n", "file: JUMIN.CSV", 5,
        "source 'ju.min': a source name must not contain '.' (joined columns are written SOURCE.COLUMN)")]
    [InlineData("vendor-a", "    format: csv\n    encoding: cp932\n    delimiter", "    format: csv\n    encoding: cp1252\n    bogus: 1\n    delimiter", "encoding: cp1252", 15,
        "source 'jumin': unknown encoding 'cp1252'; use one of cp932, shift_jis, euc-jp, utf-8, utf-16, utf-16le, utf-16be")]
    [InlineData("vendor-a", "    delimiter: \",\"\n", "    delimiter: \",\"\n    layout: x\n", "layout: x", 5,
        "unknown key 'layout'; allowed here: file, allow_outside, format, encoding, delimiter, header, columns, max_record_lines, max_record_bytes")]
    [InlineData("vendor-a", "    delimiter: \",\"\n", "    delimiter: \";;\"\n", "delimiter: \";;\"", 16,
        "source 'jumin': the delimiter must be one character")]
    [InlineData("vendor-a", "columns: [ATENA_NO, RIREKI_NO,", "columns: [ATENA_NO, ATENA_NO,", "columns: [ATENA_NO, ATENA_NO,", 14,
        "source 'jumin': column 'ATENA_NO' is listed twice")]
    [InlineData("vendor-a", "    file: JUMIN.CSV\n", "    file: ../JUMIN.CSV\n", "file: ../JUMIN.CSV", 11,
        "source 'jumin': file '../JUMIN.CSV' is outside its folder (paths are relative to --source); write a path inside it, or add 'allow_outside: true' to allow this one")]
    [InlineData("vendor-a", "    file: JUMIN.CSV\n", "", "format: csv", 5,
        "missing required key 'file'")]
    [InlineData("vendor-b", "    separator: crlf\n    record_length: 200\n", "    separator: crl\n    record_length: 200\n", "separator: crl", 16,
        "source 'setai': unknown separator 'crl' (did you mean 'crlf'?); use auto (CR LF or LF), crlf, lf or none (records of exactly record_length bytes)")]
    [InlineData("vendor-b", "    format: fixed\n    encoding: cp932\n    separator: crlf\n    record_length: 200\n", "    format: fixed\n    encoding: cp932\n    delimiter: \",\"\n    separator: crlf\n    record_length: 200\n", "delimiter: \",\"", 5,
        "unknown key 'delimiter'; allowed here: file, allow_outside, format, encoding, record_length, separator, fields")]
    [InlineData("vendor-b", "      - { name: SETAINUSHI_NO, length: 10 }\n", "      - { name: SETAINUSHI_NO, length: 10, type: packd }\n", "type: packd", 50,
        "source 'setai': field 'SETAINUSHI_NO': unknown type 'packd' (did you mean 'packed'?); use text, zoned, packed, era-date")]
    [InlineData("vendor-c", "    table: history\n", "    table: history\n    query: SELECT 1\n", "format: database", 5,
        "source 'history': a database source reads either a 'table' or a 'query' (one of the two)")]
    [InlineData("vendor-c", "    table: history\n", "    table: history\n    connection: sqlite:x.db\n", "connection: sqlite:x.db", 17,
        "source 'history': 'connection' is the name of a --source-connection NAME=CONNECTION, never a connection string (those stay out of the mapping)")]
    [InlineData("vendor-c", "    table: history\n", "    table: history\n    encoding: cp932\n", "encoding: cp932", 5,
        "unknown key 'encoding'; allowed here: format, connection, schema, table, query, order_by, columns")]
    [InlineData("vendor-c", "    order_by: [history_id]\n", "    order_by: [history_idx]\n", "order_by: [history_idx]", 15,
        "source 'history': order_by column 'history_idx' is not one of its columns (did you mean 'history_id'?)")]
    public void A_mistake_in_a_source_names_its_position(string vendor, string find, string replace, string at, int column, string message)
    {
        var path = Broken(vendor, find, replace);
        var line = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(at, StringComparison.Ordinal)) + 1;

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, StandardLoader.Load(RepoPaths.Standard())))
            .Message.ShouldBe($"{path}:{line}:{column}: {message}");
    }

    private string Broken(string vendor, string find, string replace)
    {
        var mapping = RepoPaths.VendorMapping(vendor);
        var text = File.ReadAllText(mapping);
        text.ShouldContain(find);
        foreach (var companion in Directory.EnumerateFiles(Path.GetDirectoryName(mapping)!, "*.yaml"))
            File.Copy(companion, Path.Combine(_dir, Path.GetFileName(companion)), overwrite: true);
        var path = Path.Combine(_dir, "juki.yaml");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }
}
