import Foundation
import Publication

/// Transverse Mercator with the British National Grid's parameters (docs/REPORT.md, "Map"): true origin
/// 49°N 2°W, scale 0.9996012717, false origin 400 km west and 100 km north of it, on the Airy 1830
/// ellipsoid (Ordnance Survey, "A guide to coordinate systems in Great Britain", annex C).
///
/// Boundaries arrive in WGS84; no datum shift is applied, which moves points by up to about 120 m —
/// a tenth of a pixel on the national map.
package struct BritishNationalGrid {
    package init() {}

    package var a = 6_377_563.396
    package var b = 6_356_256.909
    package var scale = 0.9996012717
    package var originLatitude = 49.0
    package var originLongitude = -2.0
    package var falseEasting = 400_000.0
    package var falseNorthing = -100_000.0

    /// Easting and northing in metres of a longitude and latitude in degrees.
    package func project(longitude: Double, latitude: Double) -> (easting: Double, northing: Double) {
        let phi = latitude * .pi / 180, phi0 = originLatitude * .pi / 180
        let lambda = longitude * .pi / 180, lambda0 = originLongitude * .pi / 180
        let e2 = 1 - (b * b) / (a * a), n = (a - b) / (a + b)
        let sinPhi = sin(phi), cosPhi = cos(phi), tanPhi = tan(phi)
        let nu = a * scale / (1 - e2 * sinPhi * sinPhi).squareRoot()
        let rho = a * scale * (1 - e2) * pow(1 - e2 * sinPhi * sinPhi, -1.5)
        let eta2 = nu / rho - 1
        let dPhi = phi - phi0, sPhi = phi + phi0
        let n2 = n * n, n3 = n2 * n
        let meridian =
            b * scale
            * ((1 + n + 1.25 * n2 + 1.25 * n3) * dPhi - (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(dPhi) * cos(sPhi)
                + (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * dPhi) * cos(2 * sPhi) - 35.0 / 24 * n3 * sin(3 * dPhi) * cos(3 * sPhi))
        let tan2 = tanPhi * tanPhi, tan4 = tan2 * tan2
        let cos3 = cosPhi * cosPhi * cosPhi, cos5 = cos3 * cosPhi * cosPhi
        let termI = meridian + falseNorthing
        let termII = nu / 2 * sinPhi * cosPhi
        let termIII = nu / 24 * sinPhi * cos3 * (5 - tan2 + 9 * eta2)
        let termIIIA = nu / 720 * sinPhi * cos5 * (61 - 58 * tan2 + tan4)
        let termIV = nu * cosPhi
        let termV = nu / 6 * cos3 * (nu / rho - tan2)
        let termVI = nu / 120 * cos5 * (5 - 18 * tan2 + tan4 + 14 * eta2 - 58 * tan2 * eta2)
        let dLambda = lambda - lambda0
        let d2 = dLambda * dLambda
        let northing = termI + termII * d2 + termIII * d2 * d2 + termIIIA * d2 * d2 * d2
        let easting = falseEasting + termIV * dLambda + termV * d2 * dLambda + termVI * d2 * d2 * dLambda
        return (easting, northing)
    }
}
