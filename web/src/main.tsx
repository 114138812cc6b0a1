import { render } from "preact";
import { App } from "./App";
import { language } from "./models/language-model";
import "./styles.css";

document.documentElement.lang = language.value;
render(<App />, document.getElementById("app")!);
