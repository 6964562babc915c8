/// The outlines the HTML pages draw (docs/REPORT.md, "Map"): the ICS map's, when `reference.boundaries` is
/// configured, and each ICS's places', by ICS ODS code, when `reference.placeBoundaries` is.
package struct PublicationMaps: Sendable {
    package var ics: MapGeometry?
    package var places: [String: PlaceMap]

    package init(ics: MapGeometry? = nil, places: [String: PlaceMap] = [:]) {
        self.ics = ics
        self.places = places
    }
}
