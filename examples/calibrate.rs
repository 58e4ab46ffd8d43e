use red_lines::model::*;
fn main() {
    for p in presets() {
        let o = simulate(&p.inputs);
        println!("{:<14} settle {:5.1}% ({:4.1}-{:4.1}) se {:.2}  esc {:5.2}% ({:4.2}-{:4.2}) se {:.2} dur {:4.1}%  {:?}", p.id,
          100.0*o.settlement.mean, 100.0*o.settlement.p5, 100.0*o.settlement.p95, 100.0*o.settlement.std_error,
          100.0*o.escalation.mean, 100.0*o.escalation.p5, 100.0*o.escalation.p95, 100.0*o.escalation.std_error, 100.0*o.durability.mean, o.drivers);
    }
    let t = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(analyse(&Inputs::default()));
    }
    println!("analyse: {:?}", t.elapsed() / 100);
}
