using System.Globalization;
using CsvHelper;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

public sealed class IntermediateCsvTests
{
    // Every case of CsvHelper's default rule, and near misses it must not quote.
    private static readonly string?[] Fields =
    [
        null, "", " ", "a ", " a", "a b", "a,b", ",", "a\"b", "\"", "a\rb", "a\nb", "\r\n", "\t", "a\t",
        "漢字", "山田　太郎", "　", "a\u3000", "ｱｲｳ", "辻\U000E0100", "x;y", "'q'", "a\u0085b", "a\u2028b",
    ];

    private static string Write(Func<TextWriter, CsvWriter> create, Action<CsvWriter, string?> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = create(text))
        {
            foreach (var field in Fields)
            {
                write(csv, field);
                write(csv, "end");
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Writes_the_same_bytes_as_CsvHelpers_default_configuration()
    {
        var ours = Write(IntermediateCsv.Writer, (csv, field) => csv.WriteField(field));
        var direct = Write(IntermediateCsv.Writer, IntermediateCsv.WriteField);
        var theirs = Write(w => new CsvWriter(w, CultureInfo.InvariantCulture), (csv, field) => csv.WriteField(field));

        ours.ShouldBe(theirs);
        direct.ShouldBe(theirs);
        ours.ShouldContain("\"a,b\",end");
        ours.ShouldContain("\" a\",end");
        ours.ShouldContain("a b,end");
    }
}
