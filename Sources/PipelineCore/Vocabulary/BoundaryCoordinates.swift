/// How a boundary file gives its positions (docs/DATA.md, "Boundaries"): WGS84 longitude and latitude, or
/// British National Grid easting and northing in metres, as ONS and NHS England publish outlines.
public enum BoundaryCoordinates: String, Sendable, Equatable, CaseIterable {
    case longitudeLatitude = "EPSG:4326"
    case britishNationalGrid = "EPSG:27700"
}
