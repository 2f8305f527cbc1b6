/**
 * Finds the words a component shows without a catalogue: JSX text, and literals given to the attributes
 * people read or hear (aria-label, title, placeholder, alt, label), including those chosen by `?:`, `&&`
 * or `??`. Used by the catalogue tests; the page never loads it.
 */
import ts from 'typescript';

export interface Literal {
  readonly line: number;
  readonly text: string;
}

const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);

/** Elements whose text is code or keys, shown as typed in every language. */
const CODE_ELEMENTS = new Set(['code', 'kbd', 'samp']);

/**
 * Words that read the same in every language: the program, tools, formats and size units, and the short
 * layer mark "L" that precedes a layer number. A text passes when each of its words is one of these or has
 * no letter (· → — …); anything else belongs in the catalogues.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'strata',
  'L',
  'Docker',
  'Podman',
  'skopeo',
  'ldd',
  '-v',
  'diff_id',
  'glob',
  'regex',
  'setuid/setgid',
  'CycloneDX',
  'B',
  'kB',
  'MB',
  'GB',
]);

function readable(text: string): boolean {
  return text.split(/\s+/).some((word) => /\p{L}/u.test(word) && !SAME_IN_EVERY_LANGUAGE.has(word));
}

/** The literal strings an expression may evaluate to and render. */
function renderedLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((s) => s.literal)];
  if (ts.isConditionalExpression(node))
    return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  return node.getText();
}

function tagName(node: ts.Node): string | null {
  if (ts.isJsxElement(node)) return node.openingElement.tagName.getText();
  return null;
}

export function findLiteralStrings(source: string, fileName = 'component.tsx'): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!readable(text)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push({ line, text: text.replace(/\s+/g, ' ').trim() });
  };
  const visit = (node: ts.Node, inCode: boolean): void => {
    const tag = tagName(node);
    const code = inCode || (tag !== null && CODE_ELEMENTS.has(tag));
    if (ts.isJsxText(node) && !code) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !code && ts.isJsxElement(node.parent))
      for (const literal of renderedLiterals(node.expression)) report(literal, literalText(literal));
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) for (const literal of renderedLiterals(value)) report(literal, literalText(literal));
    }
    ts.forEachChild(node, (child) => visit(child, code));
  };
  visit(file, false);
  return found;
}
