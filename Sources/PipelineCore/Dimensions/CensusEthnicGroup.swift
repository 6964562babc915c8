/// The nineteen detailed ethnic groups of Census 2021 (table TS021, in ONS's column headings) read onto the
/// NHS Data Dictionary's categories, which follow the 2001 Census (docs/DATA.md, "Rates by ethnic group"). Most
/// match one to one; the 2021 Census's additions go where the NHS records them — Gypsy or Irish Traveller and
/// Roma in any other White background, Arab in any other ethnic group — and Chinese, an Asian group in 2021, is
/// in the NHS's Other ethnic groups. Each broad group's population is the sum of its categories as the NHS
/// draws them, so a rate's events and people are grouped alike.
public enum CensusEthnicGroup {
    /// ONS's column heading and the NHS category it counts in.
    public static let columns: [(heading: String, category: EthnicGroup)] = [
        ("Ethnic group: White: English, Welsh, Scottish, Northern Irish or British", .whiteBritish),
        ("Ethnic group: White: Irish", .whiteIrish),
        ("Ethnic group: White: Gypsy or Irish Traveller", .whiteOther),
        ("Ethnic group: White: Roma", .whiteOther),
        ("Ethnic group: White: Other White", .whiteOther),
        ("Ethnic group: Mixed or Multiple ethnic groups: White and Black Caribbean", .mixedWhiteBlackCaribbean),
        ("Ethnic group: Mixed or Multiple ethnic groups: White and Black African", .mixedWhiteBlackAfrican),
        ("Ethnic group: Mixed or Multiple ethnic groups: White and Asian", .mixedWhiteAsian),
        ("Ethnic group: Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups", .mixedOther),
        ("Ethnic group: Asian, Asian British or Asian Welsh: Indian", .asianIndian),
        ("Ethnic group: Asian, Asian British or Asian Welsh: Pakistani", .asianPakistani),
        ("Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi", .asianBangladeshi),
        ("Ethnic group: Asian, Asian British or Asian Welsh: Chinese", .otherChinese),
        ("Ethnic group: Asian, Asian British or Asian Welsh: Other Asian", .asianOther),
        ("Ethnic group: Black, Black British, Black Welsh, Caribbean or African: Caribbean", .blackCaribbean),
        ("Ethnic group: Black, Black British, Black Welsh, Caribbean or African: African", .blackAfrican),
        ("Ethnic group: Black, Black British, Black Welsh, Caribbean or African: Other Black", .blackOther),
        ("Ethnic group: Other ethnic group: Arab", .otherAny),
        ("Ethnic group: Other ethnic group: Any other ethnic group", .otherAny),
    ]

    /// ONS's heading of every usual resident, checked against the sum of the nineteen groups on each row.
    public static let total = "Ethnic group: Total: All usual residents"
}
