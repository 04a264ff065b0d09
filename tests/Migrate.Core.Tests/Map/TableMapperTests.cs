using Migrate.Core.Diagnostics;

namespace Migrate.Core.Tests.Map;

/// <summary>
/// The mapper on its own, on staging files a test writes: every staged record ends mapped, rejected
/// with each reason naming its item, or filtered by a named rule; code tables, defaults and joins.
/// </summary>
public sealed class TableMapperTests : IDisposable
{
    private MiniMapping _m = new();

    public void Dispose() => _m.Dispose();

    private void Use(MiniMapping mapping)
    {
        _m.Dispose();
        _m = mapping;
    }

    private void TwoGroups() => _m.Groups(["G1", "第一班"], ["G2", "第二班"]);

    [Fact]
    public async Task Code_table_values_become_the_standard_codes_and_the_row_is_written_in_the_standards_item_order()
    {
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "F", "G2", "2"]);

        var (result, _) = await _m.MapAsync();

        _m.MappedLines().ShouldBe(["member_no,sex,group_name,status", "0000000001,1,第一班,1", "0000000002,2,第二班,2"]);
        (result.Read, result.Mapped, result.Rejected).ShouldBe((2L, 2L, 0L));
        _m.Rejects().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_legacy_code_is_rejected_naming_the_item_and_column_and_the_other_rows_are_mapped()
    {
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "Q", "G1", "1"], ["0000000003", "F", "G2", "1"]);

        var (result, _) = await _m.MapAsync();

        _m.MappedLines().Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["0000000001", "0000000003"]);
        var reject = _m.Rejects().ShouldHaveSingleItem();
        MiniMapping.Reasons(reject).ShouldBe([(ErrorCodes.CodeUnknown, "sex")]);
        reject.GetProperty("reasons")[0].GetProperty("column").GetString().ShouldBe("SEX");
        reject.GetProperty("line").GetInt64().ShouldBe(3);
        reject.GetProperty("key").GetString().ShouldBe("member_no=0000000002");
        reject.GetProperty("record").GetProperty("SEX").GetString().ShouldBe("Q");
        result.Rejected.ShouldBe(1);
        result.RejectsByReason.ShouldBe(new Dictionary<string, long> { [ErrorCodes.CodeUnknown] = 1 });
    }

    [Fact]
    public async Task A_code_table_default_stands_in_for_an_unknown_code()
    {
        Use(new MiniMapping(sexUnknown: "{ default: \"9\" }"));
        TwoGroups();
        _m.Members(["0000000001", "Q", "G1", "1"]);

        var (result, _) = await _m.MapAsync();

        _m.MappedLines()[1].ShouldBe("0000000001,9,第一班,1");
        result.Rejected.ShouldBe(0);
    }

    [Fact]
    public async Task A_kept_unknown_code_is_checked_against_the_standard_list()
    {
        Use(new MiniMapping(sexUnknown: "keep"));
        TwoGroups();
        _m.Members(["0000000001", "Q", "G1", "1"], ["0000000002", "2", "G1", "1"]);

        var (result, _) = await _m.MapAsync();

        // '2' is kept as it is and is in the standard's list; 'Q' is kept and is not.
        _m.MappedLines().Skip(1).ShouldBe(["0000000002,2,第一班,1"]);
        var reject = _m.Rejects().ShouldHaveSingleItem();
        reject.GetProperty("key").GetString().ShouldBe("member_no=0000000001");
        MiniMapping.Reasons(reject).ShouldBe([(ErrorCodes.CodeNotInList, "sex")]);
        result.Rejected.ShouldBe(1);
    }

    [Fact]
    public async Task A_default_fills_an_empty_value_and_leaves_a_given_one()
    {
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", ""], ["0000000002", "M", "G1", " "], ["0000000003", "M", "G1", "2"]);

        await _m.MapAsync();

        _m.MappedLines().Skip(1).Select(l => l.Split(',')[3]).ShouldBe(["1", "1", "2"]);
    }

    [Fact]
    public async Task Every_reason_of_a_record_is_reported_each_naming_its_item()
    {
        TwoGroups();
        _m.Members(["", "Q", "G1", "7"]);

        var (result, _) = await _m.MapAsync();

        MiniMapping.Reasons(_m.Rejects().ShouldHaveSingleItem()).ShouldBe(
            [(ErrorCodes.CodeUnknown, "sex"), (ErrorCodes.RequiredMissing, "member_no"), (ErrorCodes.CodeNotInList, "status")], ignoreOrder: true);
        result.RejectsByReasonAndItem.Keys.ShouldBe(["code.not-in-standard-list|status", "code.unknown|sex", "required.missing|member_no"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_item_the_mapping_leaves_out_is_empty_in_every_row_or_rejects_every_record_when_it_is_required()
    {
        // group_name (optional) is left out: every row maps with it empty.
        Use(new MiniMapping(items: "      status: STATUS\n"));
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "F", "G2", "2"]);

        var (result, _) = await _m.MapAsync();

        _m.MappedLines().ShouldBe(["member_no,sex,group_name,status", "0000000001,1,,1", "0000000002,2,,2"]);
        result.Rejected.ShouldBe(0);

        // status (required) is left out: every record is rejected for it, each naming it.
        Use(new MiniMapping(items: "      group_name: groups.NAME\n"));
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "F", "G2", "2"]);

        (result, _) = await _m.MapAsync();

        (result.Mapped, result.Rejected).ShouldBe((0L, 2L));
        _m.Rejects().Select(r => MiniMapping.Reasons(r).ShouldHaveSingleItem()).ShouldAllBe(r => r.Code == ErrorCodes.RequiredMissing && r.Item == "status");
    }

    [Fact]
    public async Task A_record_whose_join_key_has_no_match_is_rejected_once_as_an_orphan_not_for_every_joined_item()
    {
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "M", "G9", "1"], ["0000000003", "M", "", "1"]);

        var (result, mapper) = await _m.MapAsync();

        _m.MappedLines().Skip(1).ShouldBe(["0000000001,1,第一班,1"]);
        var rejects = _m.Rejects();
        rejects.Select(r => MiniMapping.Reasons(r)).ShouldAllBe(reasons => reasons.Count == 1 && reasons[0].Code == ErrorCodes.JoinOrphan);
        rejects[0].GetProperty("reasons")[0].GetProperty("message").GetString()
            .ShouldBe("no record of 'groups' (GROUPS.CSV) has GROUP_CD equal to this record's GROUP_CD");
        var join = mapper.JoinResults.ShouldHaveSingleItem();
        (join.Source, join.JoinedRecords, join.Orphans, join.Unmatched, join.DuplicateKeys).ShouldBe(("groups", 2L, 2L, 1L, 0L));
        result.Rejected.ShouldBe(2);
    }

    [Fact]
    public async Task A_join_that_keeps_orphans_maps_them_with_the_joined_items_empty()
    {
        Use(new MiniMapping(orphans: "keep"));
        TwoGroups();
        _m.Members(["0000000001", "M", "G9", "1"]);

        var (result, mapper) = await _m.MapAsync();

        _m.MappedLines()[1].ShouldBe("0000000001,1,,1");
        result.Rejected.ShouldBe(0);
        mapper.JoinResults.Single().Orphans.ShouldBe(1);
    }

    [Fact]
    public async Task A_join_key_that_several_joined_records_share_rejects_the_record_with_the_count()
    {
        _m.Groups(["G1", "第一班"], ["G1", "第一班（重複）"], ["G2", "第二班"]);
        _m.Members(["0000000001", "M", "G1", "1"], ["0000000002", "M", "G2", "1"]);

        var (_, mapper) = await _m.MapAsync();

        _m.MappedLines().Skip(1).ShouldBe(["0000000002,1,第二班,1"]);
        var reason = _m.Rejects().ShouldHaveSingleItem().GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.GetProperty("code").GetString().ShouldBe(ErrorCodes.JoinDuplicateKey);
        reason.GetProperty("message").GetString().ShouldBe("2 records of 'groups' (GROUPS.CSV) have GROUP_CD equal to this record's GROUP_CD; the join needs exactly one");
        mapper.JoinResults.Single().DuplicateKeys.ShouldBe(1);
    }

    [Fact]
    public async Task A_filtered_record_is_counted_under_its_rule_and_is_neither_mapped_nor_rejected()
    {
        Use(new MiniMapping(extra: "    filters:\n      - { name: test-members, column: NO, starts_with: \"999\" }"));
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", "1"], ["9990000001", "Q", "G9", "1"], ["0000000002", "Q", "G1", "1"]);

        var (result, _) = await _m.MapAsync();

        (result.Read, result.Mapped, result.Rejected).ShouldBe((3L, 1L, 1L));
        result.Filtered.ShouldBe(new Dictionary<string, long> { ["test-members"] = 1 });
        result.Read.ShouldBe(result.Mapped + result.Rejected + result.Filtered.Values.Sum());
        _m.Rejects().Single().GetProperty("key").GetString().ShouldBe("member_no=0000000002");
    }

    [Fact]
    public async Task Non_empty_values_are_counted_per_legacy_column_for_the_report()
    {
        TwoGroups();
        _m.Members(["0000000001", "M", "G1", ""], ["0000000002", "F", "G2", ""]);

        var (_, mapper) = await _m.MapAsync();

        mapper.ColumnNonEmpty.ShouldBe([2L, 2L, 2L, 0L]);
        mapper.JoinedUsage["groups"].Records.ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_staging_file_the_mapper_asks_for_extract()
    {
        var error = await Should.ThrowAsync<MigrateException>(_m.MapAsync);

        error.Message.ShouldContain("no staging file for source 'members'; run 'migrate extract' first");
    }
}
