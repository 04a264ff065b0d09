using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;
using Migrate.Core.Validation;

namespace Migrate.Core.Tests.Validation;

/// <summary>
/// The rules of 住民記録システム標準仕様書 as the bundled standard file states them, enforced on
/// values: exact lengths, formats and code lists come from mappings/standard/juki/standard.yaml.
/// </summary>
public sealed class StandardRulesTests
{
    private static readonly StandardDefinition Juki = StandardLoader.Load(RepoPaths.Standard());

    private static List<string> Problems(string itemId, string value, string table = "person")
    {
        var item = Juki.FindTable(table)!.Find(itemId)!;
        var problems = new List<Problem>();
        string? v = value;
        new ItemValidator(item, Juki.FindCodeList(item.CodeListId)).Validate(ref v, problems);
        return [.. problems.Select(p => p.Code)];
    }

    [Fact] public void A_postal_code_of_seven_digits_is_valid() => Problems("yubin_no", "1000001").ShouldBeEmpty();
    [Fact] public void A_postal_code_of_six_digits_is_rejected() => Problems("yubin_no", "100001").ShouldBe(["length.exact"]);
    [Fact] public void A_postal_code_of_eight_digits_is_rejected() => Problems("yubin_no", "10000011").ShouldBe(["length.exceeded"]);

    [Fact] public void A_residence_card_number_of_two_letters_eight_digits_two_letters_is_valid() => Problems("zairyu_card_no", "AB12345678CD").ShouldBeEmpty();

    [Theory]
    [InlineData("A123456789CD")]
    [InlineData("AB1234567CDE")]
    [InlineData("ab12345678cd")]
    [InlineData("AB12345678C1")]
    public void A_malformed_residence_card_number_is_rejected(string value) => Problems("zairyu_card_no", value).ShouldContain("pattern.mismatch");

    [Fact] public void A_residence_card_number_of_eleven_characters_is_rejected() => Problems("zairyu_card_no", "AB1234567CD").ShouldContain("length.exact");

    [Theory]
    [InlineData("02")]         // 世帯主
    [InlineData("2020")]       // 子の子
    [InlineData("2012")]       // 子の妻
    [InlineData("20202020")]   // 子の子の子の子: four generations
    [InlineData("5271")]       // 母の兄
    public void A_relationship_of_the_standard_is_valid(string code) => Problems("zokugara", code).ShouldBeEmpty();

    [Theory]
    [InlineData("0220")]       // 世帯主の子
    [InlineData("9620")]       // 縁故者の子
    [InlineData("2099")]       // 子の同居人
    [InlineData("0202")]       // 世帯主の世帯主
    [InlineData("2020202020")] // five generations: only a code table may turn it into 縁故者
    public void A_chain_through_a_standalone_relationship_or_too_deep_is_rejected(string code) =>
        Problems("zokugara", code).ShouldContain("code.not-in-standard-list");

    [Fact]
    public void A_chain_deeper_than_four_generations_is_recognised_as_one_for_縁故者()
    {
        var list = Juki.FindCodeList("zokugara")!;
        list.IsTooDeep("2020202020", 4).ShouldBeTrue();
        list.IsTooDeep("20202020", 4).ShouldBeFalse();
        list.IsTooDeep("0220202020", 4).ShouldBeFalse();
        list.ChainOverflow.ShouldBe("96");
    }
}
