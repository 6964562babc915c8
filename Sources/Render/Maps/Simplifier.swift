import Publication

/// Douglas–Peucker line simplification (docs/REPORT.md, "Map"): keeps the points of a ring that lie
/// further than `tolerance` from the line through their neighbours kept so far, so outlines drawn a few
/// hundred pixels wide carry a few thousand points rather than tens of thousands.
package enum Simplifier {
    package static func simplify(_ points: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard points.count > 4 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        // A closed ring's ends coincide, so the point furthest from them anchors the first split.
        var far = 0, farthest = -1.0
        for index in points.indices {
            let distance = squaredDistance(points[index], points[0])
            if distance > farthest { (far, farthest) = (index, distance) }
        }
        keep[far] = true
        var stack = [(0, far), (far, points.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var index = first, largest = -1.0
            for candidate in (first + 1)..<last {
                let distance = segmentDistance(points[candidate], points[first], points[last])
                if distance > largest { (index, largest) = (candidate, distance) }
            }
            if largest > limit {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    private static func squaredDistance(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) -> Double {
        (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)
    }

    /// Squared distance from `p` to the segment `a`–`b`.
    private static func segmentDistance(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return squaredDistance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
        return squaredDistance(p, (a.x + t * dx, a.y + t * dy))
    }
}
