using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Integrity;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;

namespace Migrate.Core.Tests.Integrity;

public sealed class PersonLedgerTests
{
    [Fact]
    public void A_lost_record_is_a_violation_only_when_its_person_is_protected_by_a_flag_or_a_critical_row()
    {
        var ledger = new PersonLedger();
        ledger.Named("0000000019", "SHIEN.CSV", 2, 40);
        ledger.Flagged("27");
        ledger.Lost("19", "JUMIN.CSV", 5, 500, "my-number.check-digit");
        ledger.Lost("0000000027", "JUMIN.CSV", 6, 600, "filter 'test-records'", filtered: true);
        ledger.Lost("35", "JUMIN.CSV", 7, 700, "code.unknown");
        ledger.Seen("19");

        var summary = ledger.Summarize();

        summary.ProtectedPersons.ShouldBe(2);
        summary.Violations.Select(v => (v.Kind, v.Location, v.ByteOffset)).ShouldBe(
        [
            (IntegrityKinds.ProtectedRejected, "JUMIN.CSV:5", 500L),
            (IntegrityKinds.ProtectedFiltered, "JUMIN.CSV:6", 600L),
        ]);
        // The person is never named: the reason says what happened, the location where.
        summary.Violations.ShouldAllBe(v => !v.Reason.Contains("19") && !v.Reason.Contains("27"));
    }

    [Fact]
    public void A_critical_row_whose_person_never_appears_in_the_person_table_is_an_orphan()
    {
        var ledger = new PersonLedger();
        ledger.Named("9000000001", "SHIEN.CSV", 3, 90);
        ledger.Named("0000000019", "SHIEN.CSV", 2, 40);
        ledger.Seen("19");
        ledger.Seen("9000000002");

        var violation = ledger.Summarize().Violations.ShouldHaveSingleItem();

        violation.Kind.ShouldBe(IntegrityKinds.OrphanCriticalRow);
        violation.Location.ShouldBe("SHIEN.CSV:3");
    }

    [Fact]
    public void Violations_beyond_the_listed_number_are_counted()
    {
        var ledger = new PersonLedger();
        for (var i = 0; i < PersonLedger.MaxListed + 5; i++) ledger.Unrecoverable("JUMIN.CSV", i + 2, i * 100, "encoding.invalid");

        var summary = ledger.Summarize();

        summary.ViolationCount.ShouldBe(PersonLedger.MaxListed + 5);
        summary.Violations.Count.ShouldBe(PersonLedger.MaxListed);
    }

    [Theory]
    [InlineData("0000000019,\"山田, 太郎\",1", "ATENA_NO", "0000000019")]
    [InlineData("\"0000000019\",x,1", "ATENA_NO", "0000000019")]
    [InlineData("0000000019,\"a,b\",1", "SHIEN_FLG", "1")]
    [InlineData("00000\u00800019,x,1", "ATENA_NO", null)]
    public void A_column_is_recovered_from_a_rejected_records_raw_bytes_only_when_it_is_plain_ascii(string record, string column, string? expected)
    {
        var source = new SourceDefinition("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, "cp932", ["ATENA_NO", "SHIMEI", "SHIEN_FLG"], new SourcePosition("m.yaml", 1, 1), new DelimitedOptions(',', true));
        var raw = System.Text.Encoding.Latin1.GetBytes(record.Replace("山田, 太郎", "\u0088\u00a6, \u0091\u00be", StringComparison.Ordinal));
        var reject = new RejectRecord("extract", "jumin", "JUMIN.CSV", 2, 0, [], RawHex: Convert.ToHexString(raw));

        ExtractRejectPersons.Recover(reject, source, column).ShouldBe(expected);
    }
}
