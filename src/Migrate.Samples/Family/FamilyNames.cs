using System.Globalization;

namespace Migrate.Samples;

/// <summary>
/// The names and places vendor B and vendor C samples share: family and given names with readings, the
/// municipality's towns (東京都千代田区) and 本籍. A vendor uses the first <see cref="SurnameCount"/>
/// family names and may add 外字 family names of its own.
/// </summary>
internal sealed class FamilyNames(int surnameCount, string[] gaijiSurnames, string[] gaijiSurnameKana)
{
    private static readonly string[] AllSurnames =
        ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村", "林", "清水", "森", "池田", "橋本"];

    private static readonly string[] AllSurnameKana =
        ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "シミズ", "モリ", "イケダ", "ハシモト"];

    private static readonly string[] Male = ["太郎", "一郎", "誠", "浩", "健一", "大輔", "翔太", "蓮", "茂", "博"];
    private static readonly string[] MaleKana = ["タロウ", "イチロウ", "マコト", "ヒロシ", "ケンイチ", "ダイスケ", "ショウタ", "レン", "シゲル", "ヒロシ"];
    private static readonly string[] Female = ["花子", "幸子", "恵子", "裕子", "美咲", "陽菜", "さくら", "葵", "和子", "智子"];
    private static readonly string[] FemaleKana = ["ハナコ", "サチコ", "ケイコ", "ユウコ", "ミサキ", "ヒナ", "サクラ", "アオイ", "カズコ", "トモコ"];

    public static IReadOnlyList<string> Towns { get; } = ["千代田", "丸の内", "神田錦町", "一ツ橋", "神田駿河台", "飯田橋"];

    public static IReadOnlyList<string> Honseki { get; } =
        ["東京都千代田区千代田１番", "大阪府大阪市北区中之島１丁目３番", "北海道札幌市中央区北一条西２丁目", "福岡県福岡市中央区天神１丁目８番"];

    public static int GivenCount => Male.Length;

    public int SurnameCount { get; } = surnameCount;

    public int GaijiCount => gaijiSurnames.Length;

    public string Surname(FamilyMember m) => m.Gaiji ? gaijiSurnames[m.Surname] : AllSurnames[m.Surname];

    public string SurnameKana(FamilyMember m) => m.Gaiji ? gaijiSurnameKana[m.Surname] : AllSurnameKana[m.Surname];

    public static string Given(FamilyMember m) => m.Male ? Male[m.Given] : Female[m.Given];

    public static string GivenKana(FamilyMember m) => m.Male ? MaleKana[m.Given] : FemaleKana[m.Given];

    /// <summary>Full-width digits, as the addresses are typed (１２).</summary>
    public static string FullWidth(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));
}
