//! Marks drawn as one SVG element where plotters would draw many: a dashed
//! line, a set of straight lines, rectangles of one colour, a map's cells.
//! Each is a plotters element (it takes data coordinates and draws through
//! [`Canvas`]), so the charts use them as they use plotters' own.

use super::canvas::{Canvas, Failure};
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::ShapeStyle;
use plotters::style::{Color, RGBColor};
use plotters_backend::{BackendColor, BackendCoord};

/// Plotters finds a mark's points through `PointCollection`; each mark
/// keeps them in one field, named here.
macro_rules! points_in {
    ($mark:ident, $field:ident) => {
        impl<'a> PointCollection<'a, (f64, f64)> for &'a $mark {
            type Point = &'a (f64, f64);
            type IntoIter = &'a [(f64, f64)];

            fn point_iter(self) -> Self::IntoIter {
                &self.$field
            }
        }
    };
}

/// A dashed line through data points, drawn as one element (plotters'
/// `DashedLineSeries` draws one per dash): `on` pixels of line, then `off`
/// of gap, from the first point, as plotters measures them.
pub struct Dashed {
    points: Vec<(f64, f64)>,
    on: u32,
    off: u32,
    style: ShapeStyle,
}

impl Dashed {
    pub fn new(points: Vec<(f64, f64)>, on: u32, off: u32, style: ShapeStyle) -> Dashed {
        Dashed {
            points,
            on,
            off,
            style,
        }
    }
}

points_in!(Dashed, points);

impl Drawable<Canvas<'_>> for Dashed {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Canvas<'_>,
        _parent: (u32, u32),
    ) -> Result<(), Failure> {
        backend.polyline(
            points,
            self.style.color.to_backend_color(),
            self.style.stroke_width,
            Some((self.on, self.off)),
        );
        Ok(())
    }
}

/// Filled rectangles of one colour (a map's cells of one shade, a bar
/// chart's bars of one series), each given by two opposite corners in
/// data coordinates, drawn as one `<path>` rather than one `<rect>` each.
/// They look the same: each is its own closed subpath on whole pixels.
pub struct Blocks {
    corners: Vec<(f64, f64)>,
    color: BackendColor,
}

impl Blocks {
    pub fn new(color: impl Color) -> Blocks {
        Blocks {
            corners: Vec::new(),
            color: color.to_backend_color(),
        }
    }

    /// Adds the rectangle with corners `a` and `b`.
    pub fn push(&mut self, a: (f64, f64), b: (f64, f64)) {
        self.corners.extend([a, b]);
    }
}

/// Rectangles of many colours (a map's cells), drawn as one `<path>` per
/// colour, all in one `<g>`: the group is one element of the drawing
/// however many shades it holds, so a redrawn map with more or fewer
/// shades is still the same drawing, element for element, around it
/// (see patch.rs).
pub struct Shades {
    blocks: Vec<Blocks>,
    corners: Vec<(f64, f64)>,
}

impl Shades {
    /// Sorts `rects` (corners and colour each) into one [`Blocks`] per
    /// colour, in the order each colour first appears.
    pub fn new(rects: impl IntoIterator<Item = ((f64, f64), (f64, f64), RGBColor)>) -> Shades {
        let mut blocks: Vec<Blocks> = Vec::new();
        for (a, b, color) in rects {
            let key = color.to_backend_color();
            match blocks.iter_mut().find(|blocks| blocks.color.rgb == key.rgb) {
                Some(same) => same.push(a, b),
                None => {
                    let mut new = Blocks::new(color);
                    new.push(a, b);
                    blocks.push(new);
                }
            }
        }
        let corners = blocks
            .iter()
            .flat_map(|b| b.corners.iter().copied())
            .collect();
        Shades { blocks, corners }
    }

    /// How many colours, so how many paths.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

points_in!(Shades, corners);

impl Drawable<Canvas<'_>> for Shades {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut Canvas<'_>,
        parent: (u32, u32),
    ) -> Result<(), Failure> {
        backend.group(true);
        for blocks in &self.blocks {
            let own = points.by_ref().take(blocks.corners.len());
            blocks.draw(own, backend, parent)?;
        }
        backend.group(false);
        Ok(())
    }
}

points_in!(Blocks, corners);

impl Drawable<Canvas<'_>> for Blocks {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Canvas<'_>,
        _parent: (u32, u32),
    ) -> Result<(), Failure> {
        let corners: Vec<BackendCoord> = points.collect();
        let rects: Vec<(i32, i32, i32, i32)> = corners
            .chunks_exact(2)
            .map(|pair| {
                let (a, b) = (pair[0], pair[1]);
                (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1))
            })
            .collect();
        backend.rects(&rects, self.color);
        Ok(())
    }
}

/// Straight lines of one style (a plot's grid lines, its two axis lines),
/// each from one data point to another, drawn as one `<path>`.
pub struct Rules {
    ends: Vec<(f64, f64)>,
    style: ShapeStyle,
}

impl Rules {
    pub fn new(lines: impl IntoIterator<Item = [(f64, f64); 2]>, style: ShapeStyle) -> Rules {
        Rules {
            ends: lines.into_iter().flatten().collect(),
            style,
        }
    }
}

points_in!(Rules, ends);

impl Drawable<Canvas<'_>> for Rules {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Canvas<'_>,
        _parent: (u32, u32),
    ) -> Result<(), Failure> {
        let ends: Vec<BackendCoord> = points.collect();
        backend.lines(
            ends.chunks_exact(2).map(|pair| (pair[0], pair[1])),
            self.style.color.to_backend_color(),
            self.style.stroke_width,
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::canvas::Canvas;
    use super::{Dashed, Shades};
    use plotters::prelude::{ChartBuilder, Color, IntoDrawingArea, BLACK, RED};

    fn drawn(draw: impl Fn(&mut super::super::axes::Plot)) -> String {
        let mut buf = String::new();
        {
            let root = Canvas::new(&mut buf, (200, 100)).into_drawing_area();
            let built = ChartBuilder::on(&root).build_cartesian_2d(0f64..10f64, 0f64..10f64);
            if let Ok(mut chart) = built {
                draw(&mut chart);
            }
            assert!(root.present().is_ok());
        }
        buf
    }

    #[test]
    fn a_dashed_line_is_one_element() {
        let svg = drawn(|chart| {
            let line = Dashed::new(vec![(0.0, 0.0), (10.0, 10.0)], 8, 5, BLACK.stroke_width(3));
            assert!(chart.draw_series(std::iter::once(line)).is_ok());
        });
        assert_eq!(
            svg,
            "<svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" xmlns=\"http://www.w3.org/2000/svg\">\
             <polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"3\" stroke-dasharray=\"8 5\" points=\"0,99 199,0\"/></svg>"
        );
    }

    #[test]
    fn blocks_of_a_colour_are_one_path() {
        let svg = drawn(|chart| {
            let cells = Shades::new([
                ((0.0, 0.0), (5.0, 5.0), RED),
                ((5.0, 0.0), (10.0, 5.0), BLACK),
                ((0.0, 5.0), (5.0, 10.0), BLACK),
            ]);
            assert_eq!(cells.len(), 2);
            assert!(chart.draw_series(std::iter::once(cells)).is_ok());
        });
        assert_eq!(svg.matches("<path").count(), 2, "{svg}");
        assert_eq!(svg.matches("<g>").count(), 1, "{svg}");
        assert!(
            svg.contains("<path fill=\"#000000\" d=\"M99 50H199V99H99zM0 0H99V50H0z\"/>"),
            "{svg}"
        );
    }

    #[test]
    fn defaults_are_left_unsaid_and_alpha_is_kept() {
        let svg = drawn(|chart| {
            let grid =
                plotters::prelude::PathElement::new(vec![(0.0, 5.0), (10.0, 5.0)], BLACK.mix(0.12));
            assert!(chart.draw_series(std::iter::once(grid)).is_ok());
            let dot = plotters::prelude::Circle::new((5.0, 5.0), 3, BLACK.filled());
            assert!(chart.draw_series(std::iter::once(dot)).is_ok());
        });
        assert!(svg.contains("stroke=\"#000000\" opacity=\"0.12\""), "{svg}");
        assert!(
            svg.contains("<circle cx=\"99\" cy=\"50\" r=\"3\" fill=\"#000000\"/>"),
            "{svg}"
        );
        assert!(
            !svg.contains("opacity=\"1\"") && !svg.contains('\n'),
            "{svg}"
        );
    }
}
