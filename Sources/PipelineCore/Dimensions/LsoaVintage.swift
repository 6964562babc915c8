/// The census geography an LSOA code belongs to. The ONS redrew LSOAs after the 2021 Census: most
/// codes are unchanged, some 2011 areas were split or merged (docs/DATA.md, "Geography basis").
public enum LsoaVintage: String, Codable, Sendable, CaseIterable {
    case lsoa2011 = "2011"
    case lsoa2021 = "2021"
}
