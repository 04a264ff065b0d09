using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;

namespace Migrate.Core.Tests.Extract;

/// <summary>More than half of the first 100 records undecodable stops the extract with the likely encoding.</summary>
public sealed class EncodingSampleTests
{
    private static readonly byte[] Cp932Name = [0x8E, 0x52, 0x93, 0x63]; // 山田 in CP932

    private static void Feed(EncodingSample sample, int records, int undecodable)
    {
        for (var i = 0; i < records; i++)
            sample.Add(i < undecodable ? $"line {i + 2}, column 4: bad bytes" : null, i < undecodable ? Cp932Name : default);
    }

    [Fact]
    public void Fifty_one_of_the_first_hundred_stop_with_the_first_place_and_the_likely_encoding()
    {
        var sample = new EncodingSample("JUMIN.CSV", "utf-8");

        var error = Should.Throw<MigrateException>(() => Feed(sample, 100, 51));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldBe("JUMIN.CSV: 51 of the first 100 records are not valid UTF-8 (first at line 2, column 4: bad bytes); is the file CP932 (Shift_JIS)?");
    }

    [Fact]
    public void Half_of_the_first_hundred_is_judged_record_by_record()
    {
        var sample = new EncodingSample("JUMIN.CSV", "utf-8");

        Feed(sample, 100, 50);

        sample.Open.ShouldBeFalse();
    }

    [Fact]
    public void A_smaller_file_is_judged_on_all_its_records_at_its_end()
    {
        var sample = new EncodingSample("JUMIN.CSV", "utf-8");
        Feed(sample, 4, 3);

        sample.Open.ShouldBeTrue();
        Should.Throw<MigrateException>(sample.Judge).Message.ShouldStartWith("JUMIN.CSV: 3 of the first 4 records are not valid UTF-8");
    }
}
