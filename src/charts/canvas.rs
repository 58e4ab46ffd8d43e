//! The drawing backend the charts draw on: plotters' marks written as
//! compact SVG text, and the few marks plotters has no SVG form for
//! (dashed lines, a map's cells) written as one element each.
//!
//! Plotters' own SVG backend writes a dashed line as one `<polyline>` per
//! dash (a hundred or more for a curve across a wide chart), every element
//! with attributes that only restate defaults (`opacity="1"`,
//! `stroke="none"`) and a line break after it, which the browser keeps as
//! a text node. Each of those is parsed, styled and laid out on every
//! slider move. This backend writes a dashed line as one `<polyline>` with
//! a `stroke-dasharray`, which draws the same dashes, leaves defaults
//! unsaid and puts nothing between elements, so a chart is a fraction of
//! the elements and the text it was, and looks the same.

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::{DrawingBackend, ShapeStyle};
use plotters::style::{Color, RGBColor};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::fmt::Write as _;

/// Writing to a `String` cannot fail; the type is plotters' to ask for.
type Failure = DrawingErrorKind<std::fmt::Error>;

/// A plotters backend that appends SVG text to a string, opened with the
/// root `<svg>` and closed by `present`.
pub struct Canvas<'a> {
    buf: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> Canvas<'a> {
    /// A drawing `size` pixels wide and high, written into `buf`.
    pub fn new(buf: &'a mut String, size: (u32, u32)) -> Canvas<'a> {
        let _ = write!(
            buf,
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">",
            w = size.0,
            h = size.1
        );
        Canvas {
            buf,
            size,
            closed: false,
        }
    }

    /// ` fill="#RRGGBB"` (or stroke), and its opacity when not opaque.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.buf, " {attribute}=\"#{r:02X}{g:02X}{b:02X}\"");
        if color.alpha < 1.0 {
            let _ = write!(self.buf, " opacity=\"{}\"", color.alpha);
        }
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.buf.push_str(" points=\"");
        for (k, (x, y)) in points.into_iter().enumerate() {
            let gap = if k == 0 { "" } else { " " };
            let _ = write!(self.buf, "{gap}{x},{y}");
        }
        self.buf.push('"');
    }

    /// An open line through `points`, dashed `dash` (on, off pixels) if
    /// given: one element however many dashes it shows.
    pub fn polyline(
        &mut self,
        points: impl IntoIterator<Item = BackendCoord>,
        color: BackendColor,
        width: u32,
        dash: Option<(u32, u32)>,
    ) {
        if color.alpha == 0.0 {
            return;
        }
        self.buf.push_str("<polyline fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.buf, " stroke-width=\"{width}\"");
        if let Some((on, off)) = dash {
            let _ = write!(self.buf, " stroke-dasharray=\"{on} {off}\"");
        }
        self.points(points);
        self.buf.push_str("/>");
    }

    /// Straight lines from each `(from, to)`, of one colour and width, as
    /// one `<path>`.
    pub fn lines(
        &mut self,
        lines: impl IntoIterator<Item = (BackendCoord, BackendCoord)>,
        color: BackendColor,
        width: u32,
    ) {
        if color.alpha == 0.0 {
            return;
        }
        self.buf.push_str("<path fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.buf, " stroke-width=\"{width}\" d=\"");
        for ((x1, y1), (x2, y2)) in lines {
            let _ = write!(self.buf, "M{x1} {y1}L{x2} {y2}");
        }
        self.buf.push_str("\"/>");
    }

    /// Filled axis-aligned rectangles of one colour as one `<path>`:
    /// each `(left, top, right, bottom)` a closed square-cornered subpath.
    pub fn rects(&mut self, rects: &[(i32, i32, i32, i32)], color: BackendColor) {
        if color.alpha == 0.0 || rects.is_empty() {
            return;
        }
        self.buf.push_str("<path");
        self.paint("fill", color);
        self.buf.push_str(" d=\"");
        for &(left, top, right, bottom) in rects {
            let _ = write!(self.buf, "M{left} {top}H{right}V{bottom}H{left}z");
        }
        self.buf.push_str("\"/>");
    }
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failure> {
        if !self.closed {
            self.buf.push_str("</svg>");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), Failure> {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        self.polyline([from, to], style.color(), style.stroke_width(), None);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (left, top): BackendCoord,
        (right, bottom): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(
            self.buf,
            "<rect x=\"{left}\" y=\"{top}\" width=\"{}\" height=\"{}\"",
            right - left,
            bottom - top
        );
        if fill {
            self.paint("fill", color);
        } else {
            self.buf.push_str(" fill=\"none\"");
            self.paint("stroke", color);
        }
        self.buf.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.polyline(path, style.color(), style.stroke_width(), None);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.buf.push_str("<polygon");
        self.paint("fill", color);
        self.points(path);
        self.buf.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.buf, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
        if fill {
            self.paint("fill", color);
        } else {
            self.buf.push_str(" fill=\"none\"");
            self.paint("stroke", color);
            let _ = write!(self.buf, " stroke-width=\"{}\"", style.stroke_width());
        }
        self.buf.push_str("/>");
        Ok(())
    }

    /// The charts write their text as [`super::labels::Labels`]; plotters'
    /// own text (which would need fonts measured) is never drawn.
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        _text: &str,
        _style: &T,
        _pos: BackendCoord,
    ) -> Result<(), Failure> {
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        _text: &str,
        _style: &T,
    ) -> Result<(u32, u32), Failure> {
        Ok((0, 0))
    }

    fn blit_bitmap(
        &mut self,
        _pos: BackendCoord,
        _size: (u32, u32),
        _src: &[u8],
    ) -> Result<(), Failure> {
        Ok(())
    }
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

impl<'a> PointCollection<'a, (f64, f64)> for &'a Dashed {
    type Point = &'a (f64, f64);
    type IntoIter = &'a [(f64, f64)];

    fn point_iter(self) -> Self::IntoIter {
        &self.points
    }
}

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

impl<'a> PointCollection<'a, (f64, f64)> for &'a Shades {
    type Point = &'a (f64, f64);
    type IntoIter = &'a [(f64, f64)];

    fn point_iter(self) -> Self::IntoIter {
        &self.corners
    }
}

impl Drawable<Canvas<'_>> for Shades {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut Canvas<'_>,
        parent: (u32, u32),
    ) -> Result<(), Failure> {
        backend.buf.push_str("<g>");
        for blocks in &self.blocks {
            let own = points.by_ref().take(blocks.corners.len());
            blocks.draw(own, backend, parent)?;
        }
        backend.buf.push_str("</g>");
        Ok(())
    }
}

impl<'a> PointCollection<'a, (f64, f64)> for &'a Blocks {
    type Point = &'a (f64, f64);
    type IntoIter = &'a [(f64, f64)];

    fn point_iter(self) -> Self::IntoIter {
        &self.corners
    }
}

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

impl<'a> PointCollection<'a, (f64, f64)> for &'a Rules {
    type Point = &'a (f64, f64);
    type IntoIter = &'a [(f64, f64)];

    fn point_iter(self) -> Self::IntoIter {
        &self.ends
    }
}

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
    use super::{Canvas, Dashed, Shades};
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
