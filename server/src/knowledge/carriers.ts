/**
 * The shapes of status carriers per language family (data/carriers.json): how a project's own class or
 * helper says which status it stands for. The workspace layer's carrier pass reads them from here.
 */
import carriersData from '../../../data/carriers.json';
import type { CarriersFile } from './types';

export interface CarrierShapes {
  classKeywords: ReadonlySet<string>;
  functionKeywords: ReadonlySet<string>;
  implKeyword?: string;
  baseKeywords: ReadonlySet<string>;
  annotations: ReadonlySet<string>;
  handlerAnnotations: ReadonlySet<string>;
  superCalls: ReadonlySet<string>;
  headerCalls: boolean;
  properties: ReadonlySet<string>;
  methods: ReadonlySet<string>;
  /** An error handler's test of the caught error's type (`err instanceof X`) whose branch sets a status. */
  errorTests?: { keywords: ReadonlySet<string>; subjects: ReadonlySet<string>; conditions: ReadonlySet<string> };
  /** Branch structures keyed by type tests of the caught error (`when (e) { is X -> ... }`), by their keyword. */
  typeSwitches: ReadonlyMap<string, TypeSwitchShape[]>;
  /** Calls mapping exception types to a handler method or block (Rails `rescue_from X, with: :handler`). */
  rescueCalls: ReadonlySet<string>;
  /** Root exception types (`Exception`, `Throwable`): a handler of one is a fallback, no carrier. */
  catchAllTypes: ReadonlySet<string>;
}

export interface TypeSwitchShape {
  subject: 'parenthesised' | 'before' | 'after' | 'true' | 'none';
  subjectEnd: ReadonlySet<string>;
  armStart: 'keyword' | 'separator' | 'line';
  armKeywords: ReadonlySet<string>;
  armEnd: ReadonlySet<string>;
  defaults: ReadonlySet<string>;
  guards: ReadonlySet<string>;
  fallThrough: boolean;
}

type CarrierFamilyData = CarriersFile['families'][string];

const families: Readonly<Record<string, CarrierFamilyData>> = carriersData.families;
const compiled = new Map<string, CarrierShapes>();

/** The carrier shapes of a family, or undefined when it has none. */
export function carrierShapesOf(family: string): CarrierShapes | undefined {
  let shapes = compiled.get(family);
  const data = families[family];
  if (!shapes && data) {
    shapes = {
      classKeywords: new Set(data.classKeywords ?? []),
      functionKeywords: new Set(data.functionKeywords ?? []),
      implKeyword: data.implKeyword,
      baseKeywords: new Set(data.baseKeywords ?? []),
      annotations: new Set(data.annotations),
      handlerAnnotations: new Set(data.handlerAnnotations ?? []),
      superCalls: new Set(data.superCalls),
      headerCalls: data.headerCalls === true,
      properties: new Set(data.properties),
      methods: new Set(data.methods),
      errorTests: data.errorTests && {
        keywords: new Set(data.errorTests.keywords),
        subjects: new Set(data.errorTests.subjects),
        conditions: new Set(data.errorTests.conditions ?? []),
      },
      typeSwitches: typeSwitchesOf(data.typeSwitches ?? []),
      rescueCalls: new Set(data.rescueCalls ?? []),
      catchAllTypes: new Set(data.catchAllTypes ?? []),
    };
    compiled.set(family, shapes);
  }
  return shapes;
}

function typeSwitchesOf(data: NonNullable<CarrierFamilyData['typeSwitches']>): Map<string, TypeSwitchShape[]> {
  const byKeyword = new Map<string, TypeSwitchShape[]>();
  for (const shape of data) {
    const compiled: TypeSwitchShape = {
      subject: shape.subject,
      subjectEnd: new Set(shape.subjectEnd ?? []),
      armStart: shape.armStart,
      armKeywords: new Set(shape.armKeywords),
      armEnd: new Set(shape.armEnd),
      defaults: new Set(shape.defaults),
      guards: new Set(shape.guards ?? []),
      fallThrough: shape.fallThrough === true,
    };
    byKeyword.set(shape.keyword, [...(byKeyword.get(shape.keyword) ?? []), compiled]);
  }
  return byKeyword;
}
