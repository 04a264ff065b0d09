using System.Text;
using Migrate.Samples;

namespace Migrate.Samples.Tests;

/// <summary>Reading helpers for the generated files: CRLF records, a small RFC 4180 field splitter, the mapping's column lists.</summary>
internal static class SampleFiles
{
    static SampleFiles()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        StrictCp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        LenientCp932 = Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    public static Encoding StrictCp932 { get; }

    public static Encoding LenientCp932 { get; }

    public static string NewTempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "migrate-samples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Records split on CRLF (no generated field contains a line break); the file must end with CRLF.</summary>
    public static List<byte[]> Records(byte[] file)
    {
        var records = new List<byte[]>();
        int start = 0;
        for (int i = 0; i + 1 < file.Length; i++)
        {
            if (file[i] == (byte)'\r' && file[i + 1] == (byte)'\n')
            {
                records.Add(file[start..i]);
                start = i + 2;
                i++;
            }
        }

        start.ShouldBe(file.Length, "the file must end with CRLF and contain no bare CR or LF at the end");
        return records;
    }

    public static bool TryDecodeStrict(byte[] record, out string text)
    {
        try
        {
            text = StrictCp932.GetString(record);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Splits one CSV record; quoted fields may contain commas and doubled quotes.</summary>
    public static List<string> Fields(string record)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < record.Length && record[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= record.Length)
                    {
                        throw new FormatException("Unterminated quoted field: " + record);
                    }

                    if (record[i] == '"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(record[i++]);
                }

                if (i < record.Length && record[i] != ',')
                {
                    throw new FormatException("Text after a closing quote: " + record);
                }
            }
            else
            {
                while (i < record.Length && record[i] != ',')
                {
                    if (record[i] == '"')
                    {
                        throw new FormatException("Quote inside an unquoted field: " + record);
                    }

                    sb.Append(record[i++]);
                }
            }

            fields.Add(sb.ToString());
            if (i >= record.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }

    /// <summary>The `columns:` list of one source in mappings/vendors/vendor-a/juki.yaml (flow sequence, possibly wrapped).</summary>
    public static IReadOnlyList<string> MappingColumns(string source)
    {
        string yaml = File.ReadAllText(RepoPaths.VendorAMapping);
        int at = yaml.IndexOf($"\n  {source}:", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, $"source '{source}' not found in the mapping");
        int open = yaml.IndexOf("columns: [", at, StringComparison.Ordinal) + "columns: [".Length;
        int close = yaml.IndexOf(']', open);
        return yaml[open..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public static bool ValidMyNumber(string value)
    {
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        int sum = 0;
        for (int i = 0; i < 11; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        int r = sum % 11;
        return (r <= 1 ? 0 : 11 - r) == value[11] - '0';
    }

    public static bool ValidModulus11(string value)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        int sum = 0;
        int weight = 2;
        for (int i = 8; i >= 0; i--)
        {
            sum += (value[i] - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }

        int check = 11 - (sum % 11);
        return (check >= 10 ? 0 : check) == value[9] - '0';
    }

    /// <summary>
    /// Classifies a vendor-A legacy date (GYYMMDD or GYY.MM.DD, 00 = 不詳, 0000000 = unknown) against the
    /// mapping's era table: null when acceptable, else the defect kind.
    /// </summary>
    public static string? DateProblem(string value)
    {
        if (value.Length == 0 || value == "0000000")
        {
            return null;
        }

        // 不詳 typed as text (昭和２４年頃, 昭和30年3月日不詳): the mapping's unknown_forms keep it.
        if (value.EndsWith('頃') || value.EndsWith("日不詳", StringComparison.Ordinal))
        {
            return null;
        }

        int era;
        int y, m, d;
        if (value.Length == 9 && value[3] == '.' && value[6] == '.')
        {
            era = "MTSHR".IndexOf(value[0], StringComparison.Ordinal) + 1;
            y = int.Parse(value.AsSpan(1, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
            m = int.Parse(value.AsSpan(4, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
            d = int.Parse(value.AsSpan(7, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (value.Length == 7 && value.All(char.IsAsciiDigit))
        {
            era = value[0] - '0';
            y = int.Parse(value.AsSpan(1, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
            m = int.Parse(value.AsSpan(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
            d = int.Parse(value.AsSpan(5, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return "format";
        }

        (int offset, DateOnly start, DateOnly end)[] eras =
        [
            (1867, new(1868, 1, 25), new(1912, 7, 30)),
            (1911, new(1912, 7, 30), new(1926, 12, 25)),
            (1925, new(1926, 12, 25), new(1989, 1, 7)),
            (1988, new(1989, 1, 8), new(2019, 4, 30)),
            (2018, new(2019, 5, 1), DateOnly.MaxValue),
        ];
        if (era is < 1 or > 5 || y < 1)
        {
            return SampleDefectKinds.DateInvalid;
        }

        if (m > 12 || (m == 0 && d != 0))
        {
            return SampleDefectKinds.DateInvalid;
        }

        var (yearOffset, first, last) = eras[era - 1];
        if (m == 0 || d == 0)
        {
            return null; // 不詳: year (and month) known
        }

        if (d > 31)
        {
            return SampleDefectKinds.DateInvalid;
        }

        if (d > DateTime.DaysInMonth(yearOffset + y, m))
        {
            // 暦上日以外 (2月29日 of a common year): kept by 生年月日, the only column the sample writes it in;
            // its month must have been in the era.
            var month = new DateOnly(yearOffset + y, m, 1);
            return month.AddMonths(1).AddDays(-1) < first || month > last ? SampleDefectKinds.EraOutOfRange : null;
        }

        var date = new DateOnly(yearOffset + y, m, d);
        return date < first || date > last ? SampleDefectKinds.EraOutOfRange : null;
    }
}
