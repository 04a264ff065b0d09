using Migrate.Samples;

namespace Migrate.Samples.Tests;

public sealed class VendorASampleTests(VendorASampleFixture sample) : IClassFixture<VendorASampleFixture>
{
    private const int JuminColumnCount = 35;

    [Fact]
    public void Headers_equal_the_mapping_column_lists()
    {
        var jumin = SampleFiles.Records(sample.Jumin);
        var shien = SampleFiles.Records(sample.Shien);

        SampleFiles.Fields(SampleFiles.StrictCp932.GetString(jumin[0])).ShouldBe(SampleFiles.MappingColumns("jumin"));
        SampleFiles.Fields(SampleFiles.StrictCp932.GetString(shien[0])).ShouldBe(SampleFiles.MappingColumns("shien"));
        SampleFiles.MappingColumns("jumin").Count.ShouldBe(JuminColumnCount);
    }

    [Fact]
    public void Row_counts_and_persons_match_the_summary()
    {
        var jumin = SampleFiles.Records(sample.Jumin);
        var shien = SampleFiles.Records(sample.Shien);

        sample.Summary.Vendor.ShouldBe("vendor-a");
        sample.Summary.Persons.ShouldBe(VendorASampleFixture.Persons);
        sample.Summary.RowsPerFile.Keys.ShouldBe([VendorASample.JuminFile, VendorASample.ShienFile], ignoreOrder: true);
        sample.Summary.RowsPerFile[VendorASample.JuminFile].ShouldBe(jumin.Count - 1);
        sample.Summary.RowsPerFile[VendorASample.ShienFile].ShouldBe(shien.Count - 1);

        // ATENA_NO is the first field and never the dropped one; distinct ATENA_NO = persons.
        var atena = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in jumin.Skip(1))
        {
            atena.Add(SampleFiles.LenientCp932.GetString(record[..record.AsSpan().IndexOf((byte)',')]));
        }

        atena.Count.ShouldBe((int)VendorASampleFixture.Persons);
    }

    [Fact]
    public void Files_are_strict_cp932_except_exactly_the_encoding_defects()
    {
        int undecodable = 0;
        foreach (var record in SampleFiles.Records(sample.Jumin))
        {
            if (!SampleFiles.TryDecodeStrict(record, out _))
            {
                undecodable++;
            }
        }

        undecodable.ShouldBe((int)sample.Summary.DefectsByKind[SampleDefectKinds.EncodingInvalid]);
        undecodable.ShouldBeGreaterThan(0);

        foreach (var record in SampleFiles.Records(sample.Shien))
        {
            SampleFiles.TryDecodeStrict(record, out _).ShouldBeTrue("SHIEN.CSV must be clean CP932");
        }
    }

    [Fact]
    public void Each_defect_is_counted_exactly_and_clean_rows_are_valid()
    {
        var found = SampleDefectKinds.All.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        int[] dateColumns = [6, 11, 12, 23, 24]; // SEINENGAPPI, JUMIN_YMD, JUTEI_YMD, IDO_YMD, TODOKEDE_YMD
        string[] zokugara = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15"];
        string[] idoJiyu = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "C4"];

        foreach (var record in SampleFiles.Records(sample.Jumin).Skip(1))
        {
            if (!SampleFiles.TryDecodeStrict(record, out string text))
            {
                found[SampleDefectKinds.EncodingInvalid]++;
                continue;
            }

            var f = SampleFiles.Fields(text);
            if (f.Count != JuminColumnCount)
            {
                f.Count.ShouldBe(JuminColumnCount - 1);
                found[SampleDefectKinds.CsvColumnCount]++;
                continue;
            }

            var kinds = new List<string>();
            foreach (int c in dateColumns)
            {
                string? problem = SampleFiles.DateProblem(f[c]);
                problem.ShouldNotBe("format", $"column {c}: '{f[c]}'");
                if (problem is not null)
                {
                    kinds.Add(problem);
                }
            }

            if (!zokugara.Contains(f[8]) || !idoJiyu.Contains(f[22]))
            {
                kinds.Add(SampleDefectKinds.CodeUnknown);
            }

            if (f[20].Length > 0 && !SampleFiles.ValidMyNumber(f[20]))
            {
                kinds.Add(SampleDefectKinds.CheckMyNumber);
            }

            if (f[3].Length > 100)
            {
                kinds.Add(SampleDefectKinds.LengthExceeded);
            }

            kinds.Count.ShouldBeLessThanOrEqualTo(1, text);
            if (kinds.Count == 1)
            {
                f[0].ShouldNotStartWith("999", customMessage: "test records carry no defects");
                found[kinds[0]]++;
            }

            // Clean structure on every decodable row.
            SampleFiles.ValidModulus11(f[0]).ShouldBeTrue(f[0]);
            SampleFiles.ValidModulus11(f[2]).ShouldBeTrue(f[2]);
            f[13].ShouldBe("131016");
            f[7].ShouldBeOneOf("M", "F", "U");
            f[9].ShouldBeOneOf("J", "G");
            f[10].ShouldBeOneOf("0", "1", "2", "9");
            f[34].ShouldBeOneOf("0", "1");
            f[16].Length.ShouldBe(8);
            f[4].All(ch => ch == ' ' || (ch >= '\uFF61' && ch <= '\uFF9F')).ShouldBeTrue($"KANA_SHIMEI '{f[4]}' is half-width katakana");
            f[3].Any(char.IsAscii).ShouldBeFalse($"SHIMEI '{f[3]}' has no ASCII");
        }

        foreach (string kind in SampleDefectKinds.All)
        {
            found[kind].ShouldBe(sample.Summary.DefectsByKind[kind], kind);
        }
    }

    [Fact]
    public void Defect_counts_are_in_sensible_ranges()
    {
        long rows = sample.Summary.RowsPerFile[VendorASample.JuminFile];
        var defects = sample.Summary.DefectsByKind;
        defects.Keys.ShouldBe(SampleDefectKinds.All, ignoreOrder: true);

        foreach (string kind in new[] { SampleDefectKinds.EraOutOfRange, SampleDefectKinds.DateInvalid, SampleDefectKinds.CodeUnknown, SampleDefectKinds.CheckMyNumber })
        {
            defects[kind].ShouldBeInRange(rows / 1000, rows / 300, kind); // ~0.2%
        }

        defects[SampleDefectKinds.LengthExceeded].ShouldBeInRange(rows / 2000, rows / 600); // ~0.1%
        defects[SampleDefectKinds.EncodingInvalid].ShouldBeInRange(1, rows / 2000); // ~0.02%
        defects[SampleDefectKinds.CsvColumnCount].ShouldBeInRange(1, rows / 2000); // ~0.02%
    }

    [Fact]
    public void Kojin_no_passes_the_check_digit_except_on_counted_defect_rows()
    {
        long failing = 0;
        long checkedNumbers = 0;
        foreach (var record in SampleFiles.Records(sample.Jumin).Skip(1))
        {
            if (!SampleFiles.TryDecodeStrict(record, out string text))
            {
                continue;
            }

            var f = SampleFiles.Fields(text);
            if (f.Count != JuminColumnCount || f[20].Length == 0)
            {
                continue;
            }

            checkedNumbers++;
            if (!SampleFiles.ValidMyNumber(f[20]))
            {
                failing++;
            }
        }

        checkedNumbers.ShouldBeGreaterThan(sample.Summary.RowsPerFile[VendorASample.JuminFile] / 2);
        failing.ShouldBe(sample.Summary.DefectsByKind[SampleDefectKinds.CheckMyNumber]);
    }

    [Fact]
    public void Gaiji_user_defined_bytes_appear_in_jumin()
    {
        var bytes = sample.Jumin.AsSpan();
        int gaiji = 0;
        for (int i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xF0 && bytes[i + 1] is >= 0x40 and <= 0x45)
            {
                gaiji++;
            }
        }

        gaiji.ShouldBeGreaterThan(0);
        SampleFiles.LenientCp932.GetString(sample.Jumin).ShouldContain("\uE000", Case.Sensitive); // 0xF040 decodes to U+E000
    }

    [Fact]
    public void Shape_is_realistic()
    {
        var rows = new List<List<string>>();
        foreach (var record in SampleFiles.Records(sample.Jumin).Skip(1))
        {
            if (SampleFiles.TryDecodeStrict(record, out string text))
            {
                var f = SampleFiles.Fields(text);
                if (f.Count == JuminColumnCount)
                {
                    rows.Add(f);
                }
            }
        }

        double share(Func<List<string>, bool> predicate) => rows.Count(predicate) / (double)rows.Count;

        share(f => f[0].StartsWith("999", StringComparison.Ordinal)).ShouldBeInRange(0.0005, 0.005); // test records
        share(f => f[9] == "G").ShouldBeInRange(0.015, 0.06); // foreign residents
        share(f => f[33].Length > 0).ShouldBeInRange(0.03, 0.08); // MEMO
        share(f => f[34] == "1").ShouldBeInRange(0.2, 0.4); // CHIIKI_FLG
        share(f => f[6].Contains('.', StringComparison.Ordinal)).ShouldBeGreaterThan(0); // S50.03.01 form
        share(f => f[6].Length == 7 && f[6].EndsWith("00", StringComparison.Ordinal)).ShouldBeInRange(0.002, 0.03); // 不詳

        // Rows of a person are consecutive and numbered 1..n in order; the first row is 転入/出生/職権記載.
        string previous = string.Empty;
        int rireki = 0;
        foreach (var f in rows)
        {
            if (f[0] != previous)
            {
                previous = f[0];
                rireki = 0;
                if (f[1] == "1")
                {
                    f[22].ShouldBeOneOf("A1", "A2", "A3", "Z9");
                }
            }

            int n = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            n.ShouldBeGreaterThan(rireki);
            n.ShouldBeLessThanOrEqualTo(4);
            rireki = n;
        }

        // Foreign residents carry their alphabet name, nationality and status of residence.
        foreach (var f in rows.Where(f => f[9] == "G"))
        {
            f[26].ShouldMatch("^[A-Z]+( [A-Z]+)+$");
            f[28].ShouldMatch("^[A-Z]{3}$");
            f[29].ShouldNotBeEmpty();
            f[18].ShouldBeEmpty();
        }

        // Every SHIEN.CSV row belongs to a person in JUMIN.CSV.
        var persons = rows.Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var record in SampleFiles.Records(sample.Shien).Skip(1))
        {
            var f = SampleFiles.Fields(SampleFiles.StrictCp932.GetString(record));
            f.Count.ShouldBe(5);
            persons.ShouldContain(f[0]);
            f[1].ShouldBeOneOf("1", "2", "3");
            SampleFiles.DateProblem(f[2]).ShouldBeNull();
            (f[3].Length > 0).ShouldBe(f[1] == "3");
        }
    }

    [Fact]
    public void Fields_are_quoted_only_when_needed()
    {
        int quoted = 0;
        foreach (var record in SampleFiles.Records(sample.Jumin))
        {
            if (!SampleFiles.TryDecodeStrict(record, out string text))
            {
                continue;
            }

            foreach (string field in SampleFiles.Fields(text))
            {
                if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    quoted++;
                }
            }

            // An unnecessary quote would show up as a quoted field without any special character.
            text.ShouldNotContain(",\"\",", Case.Sensitive);
        }

        quoted.ShouldBeGreaterThan(0);
    }
}
